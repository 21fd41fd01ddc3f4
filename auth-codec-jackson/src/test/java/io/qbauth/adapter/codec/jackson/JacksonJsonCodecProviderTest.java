package io.qbauth.adapter.codec.jackson;

import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.spi.JsonCodecProvider;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class JacksonJsonCodecProviderTest {

    @Test
    void is_found_by_the_service_loader_under_its_name() {
        assertThat(ServiceLoader.load(JsonCodecProvider.class))
                .singleElement()
                .satisfies(provider -> {
                    assertThat(provider.name()).isEqualTo("jackson");
                    assertThat(provider.create()).isInstanceOf(JacksonJsonCodec.class);
                    assertThat(provider.create().name()).isEqualTo("jackson");
                });
    }

    @Test
    void is_declared_in_module_info_too() throws Exception {
        Path classes = Path.of(
                JacksonJsonCodecProvider.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
            ModuleDescriptor module = ModuleDescriptor.read(in);
            assertThat(module.name()).isEqualTo("io.qbauth.codec.jackson");
            assertThat(module.provides()).singleElement().satisfies(provides -> {
                assertThat(provides.service()).isEqualTo("io.qbauth.spi.JsonCodecProvider");
                assertThat(provides.providers()).containsExactly(JacksonJsonCodecProvider.class.getName());
            });
        }
    }
}
