package io.qbauth.e2e.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.QbAuth;
import io.qbauth.QbAuthClient;
import io.qbauth.domain.SessionKind;
import io.qbauth.e2e.support.QuickBloxFixture;
import io.qbauth.emulator.junit.QbEmulatorExtension;
import io.qbauth.spi.AuthTransportProvider;
import io.qbauth.spi.JsonCodecProvider;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a JDK application gets from the one artifact {@code auth-transport-jdk}: the transport and the Jackson codec
 * are discovered, no wiring. Runs in its own surefire execution whose class path holds only the JDK transport (see
 * the pom), since discovery refuses to choose between several.
 */
class ServiceLoaderDiscoveryE2eTest {

    @RegisterExtension
    static final QbEmulatorExtension EMULATOR = QbEmulatorExtension.wrapping(QuickBloxFixture.emulator());

    @Test
    void the_jdk_transport_and_jackson_codec_are_discovered() {
        assertThat(ServiceLoader.load(AuthTransportProvider.class)).extracting(AuthTransportProvider::name)
                .containsExactly("jdk");
        assertThat(ServiceLoader.load(JsonCodecProvider.class)).extracting(JsonCodecProvider::name)
                .containsExactly("jackson");

        try (QbAuthClient client = QbAuth.builder().endpoint(EMULATOR.baseUrl()).allowPlainHttp(true)
                .applicationId(QuickBloxFixture.APP_ID).authKey(QuickBloxFixture.AUTH_KEY)
                .authSecret(QuickBloxFixture.AUTH_SECRET).build()) {
            assertThat(client.blocking().createApplicationSession().kind()).isEqualTo(SessionKind.APPLICATION);
            assertThat(client.blocking().getSession().applicationId()).isEqualTo(QuickBloxFixture.APP_ID);
        }
    }
}
