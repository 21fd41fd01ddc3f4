package io.qbauth.adapter.metrics.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.qbauth.domain.SessionKind;
import io.qbauth.event.AuthEvent.FleetOutcome;
import io.qbauth.event.AuthEvent.FleetSessionAcquired;
import io.qbauth.event.AuthEvent.SharedStoreRecovered;
import io.qbauth.event.AuthEvent.SharedStoreUnavailable;
import org.junit.jupiter.api.Test;

/** A fleet's events as meters: the store's availability gauge and the acquisitions by outcome. */
class FleetMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MicrometerAuthEventListener listener =
            new MicrometerAuthEventListener(new Meters(registry, Tags.of("client.name", "fleet")));

    @Test
    void the_store_gauge_follows_the_transitions_and_acquisitions_are_counted_by_outcome() {
        assertThat(registry.find(QbAuthMetrics.STORE_AVAILABLE).gauge()).as("no fleet event yet").isNull();

        listener.onEvent(new FleetSessionAcquired(SessionKind.APPLICATION, FleetOutcome.CREATED));
        assertThat(registry.get(QbAuthMetrics.STORE_AVAILABLE).gauge().value()).isEqualTo(1);
        listener.onEvent(new SharedStoreUnavailable("UNAVAILABLE"));
        assertThat(registry.get(QbAuthMetrics.STORE_AVAILABLE).gauge().value()).isZero();
        listener.onEvent(new FleetSessionAcquired(SessionKind.USER, FleetOutcome.LOCAL));
        listener.onEvent(new FleetSessionAcquired(SessionKind.USER, FleetOutcome.LOCAL));
        listener.onEvent(new SharedStoreRecovered());
        assertThat(registry.get(QbAuthMetrics.STORE_AVAILABLE).tag("client.name", "fleet").gauge().value())
                .isEqualTo(1);
        listener.onEvent(new FleetSessionAcquired(SessionKind.USER, FleetOutcome.ADOPTED));

        assertThat(registry.get(QbAuthMetrics.FLEET_ACQUISITIONS).tag("outcome", "created").counter().count())
                .isEqualTo(1);
        assertThat(registry.get(QbAuthMetrics.FLEET_ACQUISITIONS).tag("outcome", "local").counter().count())
                .isEqualTo(2);
        assertThat(registry.get(QbAuthMetrics.FLEET_ACQUISITIONS).tag("outcome", "adopted").counter().count())
                .isEqualTo(1);
    }
}
