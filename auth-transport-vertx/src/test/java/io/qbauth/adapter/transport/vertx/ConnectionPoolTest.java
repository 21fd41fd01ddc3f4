package io.qbauth.adapter.transport.vertx;

import static io.qbauth.adapter.transport.vertx.Exchanges.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.config.TransportConfig;
import io.qbauth.testkit.transport.RawServer;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code keepAlive(false)}, which the Vert.x transport honours (the JDK's refuses it): each exchange has its own
 * connection. That {@code maxConnections} caps the connections is the shared contract's.
 */
class ConnectionPoolTest {

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
