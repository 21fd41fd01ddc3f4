package io.qbauth.adapter.codec.jackson;

import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.spi.JsonCodecProvider;
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
}
