package io.qbauth.adapter.metrics.micrometer;

import io.micrometer.core.instrument.MeterRegistry;
import io.qbauth.QbAuth;
import io.qbauth.domain.ConfigurationException;

/**
 * Instruments a qbauth client with Micrometer, in one line, whichever transport it ends up with:
 *
 * <pre>{@code
 * QbAuthClient client = QbAuthMetrics.instrument(QbAuth.builder(), meterRegistry)
 *         .applicationId(12345).authKey("...").authSecret("...")
 *         .build();
 * }</pre>
 *
 * It adds to the builder a decorator of the transport (times every HTTP exchange), a decorator of the client (times
 * every operation) and an event listener (counts session creations, re-creations, flight joins, invalidations,
 * expirations, replays, destructions, logins and logouts). The meters and their tags are listed in the module
 * README. Every tag value is bounded (no user id, login, token, secret or raw URL), and recording never throws into
 * the caller: a failing registry drops the sample and logs at DEBUG.
 *
 * <p>Instrument a builder once: a second call would time everything twice.
 */
public final class QbAuthMetrics {

    private QbAuthMetrics() {
    }

    /**
     * Adds the qbauth meters with the {@linkplain QbAuthMetricsOptions#ofDefaults() default options} to
     * {@code builder}.
     *
     * @return {@code builder}, for chaining
     * @throws ConfigurationException if an argument is null
     */
    public static QbAuth.Builder instrument(QbAuth.Builder builder, MeterRegistry registry) {
        return instrument(builder, registry, QbAuthMetricsOptions.ofDefaults());
    }

    /**
     * Adds the qbauth meters, named and shaped by {@code options}, to {@code builder}.
     *
     * @return {@code builder}, for chaining
     * @throws ConfigurationException if an argument is null
     */
    public static QbAuth.Builder instrument(QbAuth.Builder builder, MeterRegistry registry,
                                            QbAuthMetricsOptions options) {
        require(builder, "builder");
        require(registry, "registry");
        require(options, "options");
        Meters meters = new Meters(registry, options);
        return builder
                .decorateTransport(transport -> new MeteredAuthTransport(transport, meters))
                .decorateClient(client -> new MeteredQbAuthClient(client, meters))
                .listener(new MicrometerAuthEventListener(meters));
    }

    private static void require(Object value, String name) {
        if (value == null) {
            throw new ConfigurationException(name + " is required");
        }
    }
}
