package io.qbauth.adapter.metrics.micrometer;

import io.micrometer.observation.ObservationRegistry;
import io.qbauth.QbAuth;
import io.qbauth.domain.ConfigurationException;

/**
 * Traces a qbauth client with Micrometer's Observation API, in one line:
 *
 * <pre>{@code
 * QbAuthClient client = QbAuthObservations.instrument(QbAuth.builder(), observationRegistry)
 *         .applicationId(12345).authKey("...").authSecret("...")
 *         .build();
 * // or, with options:
 * QbAuth.builder().instrumentation(QbAuthObservations.instrumentation(observationRegistry)
 *         .propagateTraceContext(true));
 * }</pre>
 *
 * Every operation, session acquisition (cached, created, joined, failed), session creation, HTTP exchange and
 * replay becomes an observation ({@link QbAuthObservationDocumentation}), nested as a trace shows them. With a
 * tracing handler (Micrometer Tracing's OpenTelemetry or Brave bridge) they are spans; with Micrometer's
 * {@code DefaultMeterObservationHandler} they are also timers named as below, which never clash with the meters of
 * {@link QbAuthMetrics} (whose names and tags stay as they are): use {@link QbAuthMetrics} for the documented meters,
 * this for traces, both on one client if you want both.
 */
public final class QbAuthObservations {

    /** Observation of every client operation. */
    public static final String OPERATION = QbAuthObservationDocumentation.PREFIX + "operation";
    /** Observation of every session acquisition. */
    public static final String SESSION_ACQUISITION = QbAuthObservationDocumentation.PREFIX + "session.acquisition";
    /** Observation of every session creation. */
    public static final String SESSION_CREATION = QbAuthObservationDocumentation.PREFIX + "session.creation";
    /** Observation of every HTTP exchange. */
    public static final String HTTP_EXCHANGE = QbAuthObservationDocumentation.PREFIX + "http.exchange";
    /** Observation of every replay after a session re-creation. */
    public static final String REQUEST_REPLAY = QbAuthObservationDocumentation.PREFIX + "request.replay";

    private QbAuthObservations() {
    }

    /**
     * The instrumentation to give to {@code QbAuth.Builder.instrumentation(...)}: observations on {@code registry},
     * default convention, no trace-context propagation (see {@link ObservationInstrumentation}'s options).
     *
     * @throws ConfigurationException if {@code registry} is null
     */
    public static ObservationInstrumentation instrumentation(ObservationRegistry registry) {
        if (registry == null) {
            throw new ConfigurationException("registry is required");
        }
        return ObservationInstrumentation.of(registry);
    }

    /**
     * Sets {@link #instrumentation(ObservationRegistry)} on {@code builder}.
     *
     * @return {@code builder}, for chaining
     * @throws ConfigurationException if an argument is null
     */
    public static QbAuth.Builder instrument(QbAuth.Builder builder, ObservationRegistry registry) {
        if (builder == null) {
            throw new ConfigurationException("builder is required");
        }
        return builder.instrumentation(instrumentation(registry));
    }
}
