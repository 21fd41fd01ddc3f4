package io.qbauth.adapter.transport.jdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qbauth.config.TransportConfig;
import io.qbauth.domain.ConfigurationException;
import io.qbauth.domain.TransportException;
import io.qbauth.spi.TransportRequest;
import io.qbauth.domain.ApiResponse;
import io.qbauth.testkit.transport.RawServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What the JDK transport does with each {@link TransportConfig} field it cannot set on its client: it applies
 * {@code maxConnections} itself, and refuses {@code keepAlive(false)} and an {@code idleTimeout} — never ignores them.
 */
class TransportConfigHonouredTest {

    private static final int REQUESTS = 6;

    @Test
    void never_opens_more_than_max_connections_and_reuses_them() throws Exception {
        CountDownLatch twoArrived = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        try (RawServer server = keepAliveServer(twoArrived, release);
             JdkAuthTransport transport = JdkAuthTransport.create(TransportConfig.builder().maxConnections(2).build())) {
            List<CompletableFuture<ApiResponse>> replies = IntStream.range(0, REQUESTS)
                    .mapToObj(i -> transport.execute(get(server.uri("/" + i), Duration.ofSeconds(5)))
                            .toCompletableFuture())
                    .toList();
            assertThat(twoArrived.await(5, TimeUnit.SECONDS)).isTrue();

            release.countDown();
            CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

            assertThat(server.connections()).isEqualTo(2);
        }
    }

    @Test
    void a_caller_waiting_for_a_free_connection_times_out_within_its_deadline() throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (RawServer server = keepAliveServer(arrived, release);
             JdkAuthTransport transport = JdkAuthTransport.create(TransportConfig.builder().maxConnections(1).build())) {
            CompletableFuture<ApiResponse> first = transport.execute(get(server.uri("/a"), Duration.ofSeconds(10)))
                    .toCompletableFuture();
            assertThat(arrived.await(5, TimeUnit.SECONDS)).isTrue();

            CompletableFuture<ApiResponse> second =
                    transport.execute(get(server.uri("/b"), Duration.ofMillis(300))).toCompletableFuture();
            assertThatThrownBy(() -> second.get(5, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOfSatisfying(TransportException.class,
                            e -> assertThat(e.kind()).isEqualTo(TransportException.Kind.TIMEOUT));

            release.countDown();
            assertThat(first.get(5, TimeUnit.SECONDS).status()).isEqualTo(200);
            assertThat(transport.execute(get(server.uri("/c"), Duration.ofSeconds(5))).toCompletableFuture()
                    .get(5, TimeUnit.SECONDS).status()).as("the permit of the timed-out wait was never taken")
                    .isEqualTo(200);
        }
    }

    @Test
    void keep_alive_off_is_refused_with_a_clear_message() {
        TransportConfig config = TransportConfig.builder().keepAlive(false).build();

        assertThatThrownBy(() -> JdkAuthTransport.create(config))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("keepAlive(false)");
        assertThatThrownBy(() -> JdkAuthTransport.create(HttpClient.newHttpClient(), config))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("keepAlive(false)");
    }

    @Test
    void an_idle_timeout_is_refused_with_the_jvm_wide_alternative() {
        TransportConfig config = TransportConfig.builder().idleTimeout(Duration.ofSeconds(30)).build();

        assertThatThrownBy(() -> JdkAuthTransport.create(config))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("idleTimeout")
                .hasMessageContaining("jdk.httpclient.keepalive.timeout");
    }

    @Test
    void the_transport_provider_refuses_them_too() {
        TransportConfig config = TransportConfig.builder().idleTimeout(Duration.ofSeconds(30)).build();

        assertThatThrownBy(() -> new JdkAuthTransportProvider().create(config))
                .isInstanceOf(ConfigurationException.class);
    }

    private static TransportRequest get(URI uri, Duration timeout) {
        return new TransportRequest("GET", uri, Map.of(), null, timeout);
    }

    /** Answers requests on each connection, one after another, once {@code release} is open. */
    private static RawServer keepAliveServer(CountDownLatch arrived, CountDownLatch release) throws IOException {
        return new RawServer(connection -> {
            while (true) {
                connection.readHead();
                arrived.countDown();
                release.await();
                connection.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
            }
        });
    }
}
