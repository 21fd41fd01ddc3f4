package io.qbauth.adapter.metrics.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.qbauth.UserPool;
import io.qbauth.adapter.metrics.micrometer.support.Emulators;
import io.qbauth.config.UserPoolConfig;
import io.qbauth.domain.Credentials;
import io.qbauth.emulator.QbEmulator;
import io.qbauth.testkit.TestClock;
import org.junit.jupiter.api.Test;

/** A user pool's meters: held identities, added, removed by reason — never a key or a login in a tag. */
class PoolMetricsTest {

    private static final String KEY_PREFIX = "app-user-key-";
    private static final String LOGIN_PREFIX = "pooled-login-";
    private static final String PASSWORD = "pooled-Pw-77x";

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void held_added_and_removed_follow_the_pool_and_carry_no_user_data() {
        QbEmulator.Builder emulatorBuilder = Emulators.builder(TestClock.followingSystem());
        for (int i = 0; i < 3; i++) {
            emulatorBuilder.user(Emulators.APP_ID, LOGIN_PREFIX + i, PASSWORD);
        }
        try (QbEmulator emulator = emulatorBuilder.start()) {
            UserPool pool = QbAuthMetrics.instrument(Emulators.client(emulator), registry)
                    .buildUserPool(UserPoolConfig.builder().maxIdentities(2).build());
            assertThat(registry.find(QbAuthMetrics.POOL_IDENTITIES).gauge()).as("no pool identity yet").isNull();

            for (int i = 0; i < 3; i++) {
                pool.forUser(KEY_PREFIX + i, Credentials.login(LOGIN_PREFIX + i, PASSWORD)).blocking().getSession();
            }

            assertThat(registry.get(QbAuthMetrics.POOL_IDENTITIES).gauge().value()).isEqualTo(2);
            assertThat(registry.get(QbAuthMetrics.POOL_IDENTITIES_ADDED).counter().count()).isEqualTo(3);
            assertThat(registry.get(QbAuthMetrics.POOL_IDENTITIES_REMOVED).tag("reason", "evicted_capacity")
                    .counter().count()).isEqualTo(1);

            pool.close();

            assertThat(registry.get(QbAuthMetrics.POOL_IDENTITIES).gauge().value()).isZero();
            assertThat(registry.get(QbAuthMetrics.POOL_IDENTITIES_REMOVED).tag("reason", "pool_closed")
                    .counter().count()).isEqualTo(2);
        }
        for (Meter meter : registry.getMeters()) {
            for (Tag tag : meter.getId().getTags()) {
                assertThat(tag.getValue()).as(meter.getId().toString())
                        .doesNotContain(KEY_PREFIX).doesNotContain(LOGIN_PREFIX).doesNotContain(PASSWORD);
            }
        }
    }
}
