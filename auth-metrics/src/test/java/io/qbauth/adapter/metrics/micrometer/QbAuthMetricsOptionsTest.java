package io.qbauth.adapter.metrics.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Tags;
import io.qbauth.domain.ConfigurationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class QbAuthMetricsOptionsTest {

    @Test
    void defaults() {
        QbAuthMetricsOptions options = QbAuthMetricsOptions.ofDefaults();

        assertThat(options.names().operations()).isEqualTo("qbauth.operations");
        assertThat(options.names().httpClientRequests()).isEqualTo("qbauth.http.client.requests");
        assertThat(options.tags()).isEqualTo(Tags.empty());
        assertThat(options.publishPercentileHistogram()).isFalse();
        assertThat(options.serviceLevelObjectives()).isEmpty();
    }

    @Test
    void fromCopiesEveryField() {
        QbAuthMetricsOptions base = QbAuthMetricsOptions.custom()
                .names(QbAuthMetricNames.custom().logins("auth.logins").build())
                .tag("client.name", "orders").publishPercentileHistogram(true)
                .serviceLevelObjectives(Duration.ofSeconds(1), Duration.ofMillis(100), Duration.ofSeconds(1))
                .build();

        QbAuthMetricsOptions copy = QbAuthMetricsOptions.from(base).build();

        assertThat(copy.toString()).isEqualTo(base.toString());
        assertThat(copy.serviceLevelObjectives()).containsExactly(Duration.ofMillis(100), Duration.ofSeconds(1));
        assertThat(QbAuthMetricNames.from(base.names()).build().toString()).isEqualTo(base.names().toString());
    }

    @Test
    void builtInTagKeysOtherThanClientNameAreRefused() {
        assertThatThrownBy(() -> QbAuthMetricsOptions.custom().tag("outcome", "x").build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("tag outcome");
        assertThatThrownBy(() -> QbAuthMetricsOptions.custom().tag("region", null))
                .isInstanceOf(ConfigurationException.class);
    }

    @Test
    void serviceLevelObjectivesMustBePositive() {
        assertThatThrownBy(() -> QbAuthMetricsOptions.custom().serviceLevelObjectives(Duration.ZERO).build())
                .isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> QbAuthMetricsOptions.custom().serviceLevelObjectives((Duration) null).build())
                .isInstanceOf(ConfigurationException.class);
    }

    @Test
    void namesMustBeDottedLowerCaseDistinctAndCountersMustNotEndInTotal() {
        assertThatThrownBy(() -> QbAuthMetricNames.custom().operations("Qb Operations").build())
                .isInstanceOf(ConfigurationException.class).hasMessageStartingWith("operations ");
        assertThatThrownBy(() -> QbAuthMetricNames.custom().logins(null).build())
                .isInstanceOf(ConfigurationException.class).hasMessageStartingWith("logins ");
        assertThatThrownBy(() -> QbAuthMetricNames.custom().logouts("qbauth.logouts.total").build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("total");
        assertThatThrownBy(() -> QbAuthMetricNames.custom().logouts("qbauth_logins").build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("logouts has the same exported name as logins");
        assertThatThrownBy(() -> QbAuthMetricsOptions.custom().names(null).build())
                .isInstanceOf(ConfigurationException.class);
    }
}
