package io.qbauth.adapter.transport.vertx;

import static io.qbauth.adapter.transport.vertx.Exchanges.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.config.TransportConfig;
import io.qbauth.domain.ApiResponse;
import io.qbauth.testkit.transport.RawServer;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@code maxConnections} caps the connections to a host; {@code keepAlive} decides whether they are reused. */
class ConnectionPoolTest {

    private static final int REQUESTS = 6;

    @Test
    void never_opens_more_than_max_connections_and_reuses_them() throws Exception {
        CountDownLatch twoArrived = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        try (RawServer server = keepAliveServer(twoArrived, release);
             VertxAuthTransport transport = VertxAuthTransport.create(
                     TransportConfig.builder().maxConnections(2).build())) {
            List<CompletableFuture<ApiResponse>> replies = IntStream.range(0, REQUESTS)
                    .mapToObj(i -> transport.execute(get(server.uri("/" + i))).toCompletableFuture()).toList();
            assertThat(twoArrived.await(5, TimeUnit.SECONDS)).isTrue();

            release.countDown();
            CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

            assertThat(server.connections()).isEqualTo(2);
        }
    }

    @Test
    void without_keep_alive_each_exchange_has_its_own_connection() throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(0);
        try (RawServer server = keepAliveServer(arrived, release);
             VertxAuthTransport transport = VertxAuthTransport.create(
                     TransportConfig.builder().maxConnections(2).keepAlive(false).build())) {
            for (int i = 0; i < 3; i++) {
                transport.execute(get(server.uri("/" + i))).toCompletableFuture().get(5, TimeUnit.SECONDS);
            }

            assertThat(server.connections()).isEqualTo(3);
        }
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
