package io.qbauth.loadtest.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemoteTargetTest {

    @TempDir
    Path dir;

    @Test
    void onlyLoopbackNamesCountAsLoopback() {
        assertThat(RemoteTarget.isLoopbackHost("127.0.0.1")).isTrue();
        assertThat(RemoteTarget.isLoopbackHost("localhost")).isTrue();
        assertThat(RemoteTarget.isLoopbackHost("::1")).isTrue();
        assertThat(RemoteTarget.isLoopbackHost("10.0.0.1")).isFalse();
        assertThat(RemoteTarget.isLoopbackHost("api.quickblox.invalid")).isFalse();
        assertThat(RemoteTarget.isLoopbackHost(null)).isFalse();
    }

    @Test
    void readsUsersFromACsvFileSkippingCommentsAndTakesNoSignUps() throws IOException {
        Path file = Files.writeString(dir.resolve("users.csv"), "# login,email,password\nalice,a@x.io,pw,1\n");
        assertThatThrownBy(() -> new RemoteTarget(URI.create("https://h"), 1, "k", "s", file))
                .hasMessageContaining("login,email,password");

        Files.writeString(file, "# login,email,password\nalice, a@x.io ,p,w\n".replace("p,w", "pw"));
        RemoteTarget target = new RemoteTarget(URI.create("https://h"), 1, "k", "s", file);

        assertThat(target.users("raw", Workload.LOGIN_STORM)).containsExactly(new UserAccount("alice", "a@x.io", "pw"));
        assertThat(target.allowsSignUp()).isFalse();
        assertThat(target.sessionsCreated("raw", Workload.SESSION_REFRESH)).isEmpty();
    }
}
