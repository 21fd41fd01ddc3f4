package io.qbauth.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qbauth.BlockingQbAuthClient;
import io.qbauth.adapter.store.redis.RedisSessionStore;
import io.qbauth.emulator.junit.QbEmulatorExtension;
import io.qbauth.spi.SharedSessionStore;
import io.qbauth.testkit.redis.RedisServerProcess;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.FilteredClassLoader;

/** {@code qbauth.store.redis.*} against a real redis-server: the store is shared by the client and closed last. */
class QbAuthRedisStoreTest {

    @RegisterExtension
    static final QbEmulatorExtension EMULATOR = TestEmulator.extension();

    @RegisterExtension
    static final RedisServerProcess REDIS = new RedisServerProcess();

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    /** A generous bound per Redis operation: a cold first command on a busy machine must not fall back locally. */
    private static final String TIMEOUT = "qbauth.store.redis.operation-timeout=5s";

    @Test
    void the_store_is_shown_in_health_and_closed_with_the_context() {
        RedisSessionStore[] store = new RedisSessionStore[1];
        TestEmulator.runner(EMULATOR).withPropertyValues("qbauth.store.redis.uri=" + REDIS.uri(),
                "qbauth.store.redis.encryption-key=" + KEY, "qbauth.store.redis.key-prefix=boot-test", TIMEOUT)
                .run(context -> {
            assertThat(context).hasSingleBean(RedisSessionStore.class);
            store[0] = context.getBean(RedisSessionStore.class);
            TestEmulator.awaitTrue(() -> store[0].isAvailable());
            Health health = context.getBean("qbauthHealthIndicator", HealthIndicator.class).health();
            assertThat(health.getDetails()).containsEntry("store", "reachable");
            assertThat(health.toString()).doesNotContain(REDIS.uri());
            assertThat(store[0].backOffRemaining(TestEmulator.APP_ID).toCompletableFuture().get(10, TimeUnit.SECONDS))
                    .isEqualTo(Duration.ZERO);
        });
        assertThatThrownBy(() -> store[0].backOffRemaining(TestEmulator.APP_ID).toCompletableFuture()
                .get(10, TimeUnit.SECONDS)).as("closed with the context").isInstanceOf(ExecutionException.class);
    }

    @Test
    void a_second_instance_adopts_the_session_of_the_first() {
        String[] properties = {"qbauth.store.redis.uri=" + REDIS.uri(), "qbauth.store.redis.encryption-key=" + KEY,
            "qbauth.store.redis.key-prefix=boot-fleet", TIMEOUT};
        TestEmulator.runner(EMULATOR).withPropertyValues(properties).run(first ->
                TestEmulator.runner(EMULATOR).withPropertyValues(properties).run(second -> {
                    long before = EMULATOR.emulator().stats(TestEmulator.APP_ID).sessionsCreated();
                    String token = first.getBean(BlockingQbAuthClient.class).getSession().token().value();
                    assertThat(second.getBean(BlockingQbAuthClient.class).getSession().token().value())
                            .isEqualTo(token);
                    assertThat(EMULATOR.emulator().stats(TestEmulator.APP_ID).sessionsCreated())
                            .isEqualTo(before + 1);
                }));
    }

    @Test
    void a_bad_key_is_named_and_no_uri_or_no_module_means_no_store() {
        TestEmulator.runner(EMULATOR).withPropertyValues("qbauth.store.redis.uri=" + REDIS.uri(),
                "qbauth.store.redis.encryption-key=dG9vIHNob3J0").run(context -> {
            assertThat(context).hasFailed();
            assertThat(new QbAuthPropertyFailureAnalyzer().analyze(context.getStartupFailure()).getDescription())
                    .isEqualTo("qbauth.store.redis.encryption-key must be 32 bytes (AES-256), base64");
        });
        TestEmulator.runner(EMULATOR).run(context -> assertThat(context).doesNotHaveBean(SharedSessionStore.class)
                .doesNotHaveBean(StoreReachability.class));
        TestEmulator.runner(EMULATOR).withPropertyValues("qbauth.store.redis.uri=" + REDIS.uri(),
                        "qbauth.store.redis.encryption-key=" + KEY)
                .withClassLoader(new FilteredClassLoader(RedisSessionStore.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(SharedSessionStore.class));
    }
}
