package io.qbauth.adapter.store.redis;

import io.qbauth.testkit.redis.RedisServerProcess;
import io.qbauth.testkit.redis.TcpProxy;

import static io.qbauth.adapter.store.redis.TestSessions.await;
import static io.qbauth.adapter.store.redis.TestSessions.identity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qbauth.domain.ConfigurationException;
import io.qbauth.spi.LeaseOutcome;
import io.qbauth.spi.SharedStoreException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Redis credentials in the URI, never shown; the URI forms accepted and refused. */
class RedisCredentialsTest {

    private static final String PASSWORD = "s3cr3t-redis-pass";

    @RegisterExtension
    static final RedisServerProcess REDIS = new RedisServerProcess(PASSWORD);

    private static RedisSessionStore.Builder builder(String uri) {
        return RedisSessionStore.builder().uri(uri).cipher(AesGcmSessionCipher.withKey(TestSessions.key()))
                .operationTimeout(Duration.ofSeconds(2));
    }

    @Test
    void the_password_in_the_uri_is_used_and_never_shown() {
        try (RedisSessionStore store = builder(REDIS.uri()).build()) {
            assertThat(await(store.tryLease(identity("alice"), 0, Duration.ofSeconds(5))))
                    .isInstanceOf(LeaseOutcome.Granted.class);
            assertThat(store.toString()).doesNotContain(PASSWORD)
                    .isEqualTo("RedisSessionStore[redis://***@127.0.0.1:" + REDIS.port() + "/0, cipher="
                            + "AesGcmSessionCipher]");
        }
    }

    @Test
    void a_wrong_password_is_a_typed_failure_that_does_not_show_it() throws Exception {
        try (RedisSessionStore store = builder("redis://default:wrong-pass-123@127.0.0.1:" + REDIS.port()).build()) {
            var read = store.read(identity("alice")).toCompletableFuture();
            ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                    () -> read.get(10, TimeUnit.SECONDS));
            assertThat(e.getCause()).isInstanceOf(SharedStoreException.class);
            assertThat(((SharedStoreException) e.getCause()).reason()).isEqualTo(SharedStoreException.Reason.UNAVAILABLE);
            assertThat(e.getCause().getMessage()).doesNotContain("wrong-pass-123");
            assertThat(store.toString()).doesNotContain("wrong-pass-123");
        }
    }

    @Test
    void rediss_is_accepted_for_tls_and_shown_masked() {
        try (RedisSessionStore store = builder("rediss://app:tls-pass-456@redis.invalid:6380/2").build()) {
            assertThat(store.toString()).startsWith("RedisSessionStore[rediss://***@redis.invalid:6380/2")
                    .doesNotContain("tls-pass-456");
        }
    }

    @Test
    void a_missing_or_malformed_uri_is_a_configuration_error_that_does_not_quote_it() {
        assertThatThrownBy(() -> builder(null).build()).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> builder("http://u:leaky-pass@host:6379").build())
                .isInstanceOf(ConfigurationException.class).message().doesNotContain("leaky-pass");
        assertThatThrownBy(() -> builder("redis://u:leaky-pass@:notaport").build())
                .isInstanceOf(ConfigurationException.class).message().doesNotContain("leaky-pass");
        assertThatThrownBy(() -> RedisSessionStore.builder().uri(REDIS.uri()).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("cipher");
        assertThatThrownBy(() -> builder(REDIS.uri()).keyPrefix("bad prefix{").build())
                .isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> builder(REDIS.uri()).operationTimeout(Duration.ZERO).build())
                .isInstanceOf(ConfigurationException.class);
    }
}
