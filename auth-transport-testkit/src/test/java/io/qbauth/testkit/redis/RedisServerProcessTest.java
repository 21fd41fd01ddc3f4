package io.qbauth.testkit.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class RedisServerProcessTest {

    @Test
    void a_standalone_server_answers_until_closed_and_counts_its_commands() throws Exception {
        int port;
        try (RedisServerProcess redis = RedisServerProcess.startStandalone()) {
            port = redis.port();
            assertThat(redis.command("SET k v")).isEqualTo("+OK");
            assertThat(redis.command("SET k w")).isEqualTo("+OK");
            assertThat(redis.command("GET k")).isEqualTo("$1");

            assertThat(redis.commandCalls()).containsEntry("set", 2L).containsEntry("get", 1L);
        }

        assertThat(refusesConnections(port)).isTrue();
    }

    private static boolean refusesConnections(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
