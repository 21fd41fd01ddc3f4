package io.qbauth.adapter.metrics.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.qbauth.QbAuth;
import io.qbauth.QbAuthClient;
import io.qbauth.adapter.metrics.micrometer.support.InMemoryQuickBlox;
import io.qbauth.domain.ApiRequest;
import io.qbauth.domain.Credentials;
import io.qbauth.domain.User;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** A broken registry, clock or listener never breaks a call. */
class MetricsNeverThrowTest {

    @Test
    void a_registry_whose_meters_cannot_be_registered_drops_the_samples() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        registry.config().meterFilter(new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                throw new IllegalStateException("broken registry");
            }
        });

        assertThat(journey(QbAuthMetrics.instrument(QbAuth.builder(), registry)).id())
                .isEqualTo(InMemoryQuickBlox.USER_ID);
        assertThat(registry.getMeters()).isEmpty();
    }

    @Test
    void a_clock_that_throws_drops_the_timings_and_the_counters_still_count() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, new Clock() {
            @Override
            public long wallTime() {
                return 0;
            }

            @Override
            public long monotonicTime() {
                throw new IllegalStateException("broken clock");
            }
        });

        assertThat(journey(QbAuthMetrics.instrument(QbAuth.builder(), registry)).id())
                .isEqualTo(InMemoryQuickBlox.USER_ID);
        assertThat(registry.get("qbauth.logins").counter().count()).isEqualTo(1);
    }

    @Test
    void a_registry_and_a_clock_that_throw_errors_drop_samples_and_break_no_call() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, new Clock() {
            @Override
            public long wallTime() {
                return 0;
            }

            @Override
            public long monotonicTime() {
                throw new LinkageError("broken clock");
            }
        });
        registry.config().meterFilter(new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                if (id.getName().equals("qbauth.logins")) {
                    throw new LinkageError("broken filter");
                }
                return id;
            }
        });

        assertThat(journey(QbAuthMetrics.instrument(QbAuth.builder(), registry)).id())
                .isEqualTo(InMemoryQuickBlox.USER_ID);
        assertThat(registry.get("qbauth.reauth.replays").counter().count()).isEqualTo(1);
        assertThat(registry.find("qbauth.logins").counter()).isNull();
    }

    @Test
    void a_listener_that_throws_next_to_the_metrics_breaks_neither() {
        MeterRegistry registry = new SimpleMeterRegistry();
        QbAuth.Builder builder = QbAuthMetrics.instrument(QbAuth.builder(), registry)
                .listener(event -> {
                    throw new IllegalStateException("broken listener");
                });

        assertThat(journey(builder).id()).isEqualTo(InMemoryQuickBlox.USER_ID);
        assertThat(registry.get("qbauth.logins").counter().count()).isEqualTo(1);
        assertThat(registry.get("qbauth.reauth.replays").counter().count()).isEqualTo(1);
    }

    /** Login, then a call that meets a session expiry and is replayed. */
    private static User journey(QbAuth.Builder builder) {
        InMemoryQuickBlox quickBlox = new InMemoryQuickBlox();
        try (QbAuthClient client = builder.endpoint(URI.create("https://api.example.com"))
                .applicationId(1).authKey("key").authSecret("secret").transport(quickBlox).build()) {
            User user = client.blocking().login(Credentials.login("someone", "pw-1"));
            quickBlox.rejectNextCalls(1);
            assertThat(client.blocking().execute(ApiRequest.get("/users/7.json")).status()).isEqualTo(200);
            return user;
        }
    }
}
