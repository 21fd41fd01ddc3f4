package io.qbauth.adapter.metrics.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.qbauth.QbAuth;
import io.qbauth.QbAuthClient;
import io.qbauth.adapter.metrics.micrometer.support.InMemoryQuickBlox;
import io.qbauth.domain.ConfigurationException;
import io.qbauth.domain.Credentials;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Names are fixed and shaped with Micrometer's own {@link MeterFilter}s (what the retired
 * {@code QbAuthMetricsOptions}/{@code QbAuthMetricNames} did: names, histograms, SLO buckets, extra tags).
 */
class MeterFiltersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void the_default_names_are_public_constants_and_timers_publish_no_histogram() {
        assertThat(QbAuthMetrics.OPERATIONS).isEqualTo("qbauth.operations");
        assertThat(QbAuthMetrics.HTTP_CLIENT_REQUESTS).isEqualTo("qbauth.http.client.requests");
        assertThat(QbAuthMetrics.SESSION_CREATION).isEqualTo("qbauth.session.creation");
        assertThat(List.of(QbAuthMetrics.SESSION_CREATIONS, QbAuthMetrics.SESSION_RECREATIONS,
                QbAuthMetrics.SESSION_FLIGHT_JOINS, QbAuthMetrics.SESSION_INVALIDATIONS,
                QbAuthMetrics.SESSION_EXPIRATIONS, QbAuthMetrics.SESSION_DESTRUCTIONS, QbAuthMetrics.REAUTH_REPLAYS,
                QbAuthMetrics.LOGINS, QbAuthMetrics.LOGOUTS))
                .allMatch(name -> name.startsWith("qbauth.") && !name.endsWith("total"))
                .doesNotHaveDuplicates();

        journey();

        assertThat(registry.get(QbAuthMetrics.OPERATIONS).timer().takeSnapshot().histogramCounts()).isEmpty();
    }

    @Test
    void a_meter_filter_renames_a_meter_and_turns_on_histograms_and_slo_buckets() {
        registry.config().meterFilter(new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                return id.getName().equals(QbAuthMetrics.OPERATIONS) ? id.withName("auth.calls") : id;
            }

            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                return id.getName().equals("auth.calls")
                        ? DistributionStatisticConfig.builder().percentilesHistogram(true)
                                .serviceLevelObjectives(Duration.ofMillis(100).toNanos()).build().merge(config)
                        : config;
            }
        });

        journey();

        var timer = registry.get("auth.calls").timer();
        assertThat(timer.count()).isEqualTo(1);
        assertThat(timer.takeSnapshot().histogramCounts()).isNotEmpty();
        assertThat(registry.find(QbAuthMetrics.OPERATIONS).timer()).isNull();
    }

    @Test
    void a_meter_filter_denies_meters_an_application_does_not_want() {
        registry.config().meterFilter(MeterFilter.denyNameStartsWith(QbAuthMetrics.HTTP_CLIENT_REQUESTS));

        journey();

        assertThat(registry.find(QbAuthMetrics.HTTP_CLIENT_REQUESTS).meters()).isEmpty();
        assertThat(registry.get(QbAuthMetrics.OPERATIONS).timer().count()).isEqualTo(1);
    }

    @Test
    void common_tags_go_on_every_meter() {
        try (QbAuthClient client = QbAuthMetrics.instrument(QbAuth.builder(), registry, Tags.of("region", "eu"))
                .endpoint(URI.create("https://api.example.com")).applicationId(1).authKey("k").authSecret("s")
                .transport(new InMemoryQuickBlox()).build()) {
            client.blocking().login(Credentials.login("someone", "pw-1"));
        }

        assertThat(registry.getMeters()).isNotEmpty()
                .allMatch(meter -> "eu".equals(meter.getId().getTag("region")));
    }

    @Test
    void built_in_tag_keys_other_than_client_name_are_refused() {
        assertThatThrownBy(() -> QbAuthMetrics.instrument(QbAuth.builder(), registry, Tags.of("outcome", "x")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("tag outcome");
        assertThatThrownBy(() -> QbAuthMetrics.instrument(QbAuth.builder(), registry, Arrays.asList((Tag) null)))
                .isInstanceOf(ConfigurationException.class).hasMessage("tags must not contain null");
        assertThat(QbAuthMetrics.instrument(QbAuth.builder(), registry, Tags.of("client.name", "orders")))
                .isNotNull();
    }

    /** One application session, through an instrumented client. */
    private void journey() {
        try (QbAuthClient client = QbAuthMetrics.instrument(QbAuth.builder(), registry)
                .endpoint(URI.create("https://api.example.com")).applicationId(1).authKey("k").authSecret("s")
                .transport(new InMemoryQuickBlox()).build()) {
            client.blocking().createApplicationSession();
        }
    }
}
