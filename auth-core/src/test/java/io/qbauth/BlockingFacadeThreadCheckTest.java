package io.qbauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qbauth.domain.ConfigurationException;
import io.qbauth.domain.Credentials;
import io.qbauth.spi.AuthTransport;
import io.qbauth.spi.TransportRequest;
import io.qbauth.domain.ApiResponse;
import io.qbauth.testing.FakeQuickBlox;
import io.qbauth.testing.ManualClock;
import io.qbauth.testing.TestCodec;
import java.net.URI;
import java.time.Instant;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The blocking facade asks the transport whether the calling thread must not block
 * ({@link AuthTransport#currentThreadMustNotBlock()}) before each call: on such a thread it throws
 * {@link ConfigurationException} naming the asynchronous API, and nothing reaches the transport.
 */
class BlockingFacadeThreadCheckTest {

    private final FakeQuickBlox server = new FakeQuickBlox(new ManualClock(Instant.parse("2030-01-01T00:00:00Z")))
            .withUser("alice", "alicePass123");
    private final AtomicBoolean forbidden = new AtomicBoolean();
    private final AtomicInteger exchanges = new AtomicInteger();
    private final QbAuthClient client = QbAuth.builder().endpoint(URI.create("https://qb.test"))
            .applicationId(FakeQuickBlox.APP_ID).authKey("key").authSecret("secret").codec(new TestCodec())
            .transport(new AuthTransport() {
                @Override
                public CompletionStage<ApiResponse> execute(TransportRequest request) {
                    exchanges.incrementAndGet();
                    return server.execute(request);
                }

                @Override
                public boolean currentThreadMustNotBlock() {
                    return forbidden.get();
                }
            }).build();

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void on_a_thread_the_transport_forbids_every_blocking_call_fails_fast_and_sends_nothing() {
        forbidden.set(true);
        BlockingQbAuthClient blocking = client.blocking();

        assertThatThrownBy(blocking::createApplicationSession).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("asynchronous API").hasMessageContaining(Thread.currentThread().getName());
        assertThatThrownBy(() -> blocking.login(Credentials.login("alice", "alicePass123")))
                .isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(blocking::getSession).isInstanceOf(ConfigurationException.class);

        assertThat(exchanges).hasValue(0);
        assertThat(blocking.currentSession()).isEmpty();
    }

    @Test
    void elsewhere_the_same_calls_work() {
        BlockingQbAuthClient blocking = client.blocking();

        assertThat(blocking.login(Credentials.login("alice", "alicePass123")).login()).contains("alice");
        assertThat(exchanges.get()).isPositive();
    }
}
