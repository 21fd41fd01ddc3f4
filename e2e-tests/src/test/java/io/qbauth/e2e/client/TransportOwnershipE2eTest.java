package io.qbauth.e2e.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.QbAuthClient;
import io.qbauth.domain.ClientClosedException;
import io.qbauth.e2e.support.QuickBloxFixture;
import io.qbauth.e2e.support.TransportTest;
import io.qbauth.e2e.support.TransportUnderTest;
import io.qbauth.emulator.junit.QbEmulatorExtension;
import io.qbauth.spi.AuthTransport;
import io.qbauth.spi.TransportRequest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A transport given to the builder belongs to the application: closing the client leaves it working. */
class TransportOwnershipE2eTest {

    @RegisterExtension
    static final QbEmulatorExtension EMULATOR = QbEmulatorExtension.wrapping(QuickBloxFixture.emulator());

    @TransportTest
    void closing_the_client_does_not_close_a_transport_it_was_given(TransportUnderTest transportUnderTest) {
        try (AuthTransport transport = transportUnderTest.create()) {
            QbAuthClient client = QuickBloxFixture.client(EMULATOR.emulator(), transport).build();
            String token = client.blocking().createApplicationSession().token().value();

            client.close();

            assertThat(client.createApplicationSession()).failsWithin(Duration.ofSeconds(5))
                    .withThrowableOfType(Exception.class).withCauseInstanceOf(ClientClosedException.class);
            URI session = URI.create(EMULATOR.baseUrl() + "/session.json");
            TransportRequest get = new TransportRequest("GET", session, Map.of("QB-Token", List.of(token)), null,
                    Duration.ofSeconds(5));
            assertThat(transport.execute(get).toCompletableFuture().join().status())
                    .as("the transport still works after client.close()").isEqualTo(200);
        }
    }
}
