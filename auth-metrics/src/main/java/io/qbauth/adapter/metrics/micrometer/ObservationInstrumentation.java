package io.qbauth.adapter.metrics.micrometer;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.qbauth.event.AuthActivity;
import io.qbauth.event.AuthInstrumentation;
import io.qbauth.event.AuthScope;
import java.util.Objects;

/**
 * The core's {@link AuthInstrumentation} as Micrometer {@link Observation}s: each activity is an observation of
 * {@link QbAuthObservationDocumentation}, a child of the observation of the activity that contains it (an operation
 * without one is a child of the registry's current observation, e.g. the application's request), so a tracing
 * handler makes a trace of it and a meter handler timers. Immutable; the {@code with}-style methods return a copy.
 * Get one from {@link QbAuthObservations#instrumentation(ObservationRegistry)}.
 *
 * <p>A handler that throws, even an {@link Error}, never breaks a call: the failure is logged at DEBUG and the
 * activity goes on unobserved (its observation is stopped if it had started).
 */
public final class ObservationInstrumentation implements AuthInstrumentation {

    private static final System.Logger LOG = System.getLogger(ObservationInstrumentation.class.getName());
    private static final DefaultQbAuthObservationConvention DEFAULT_CONVENTION =
            new DefaultQbAuthObservationConvention();

    private final ObservationRegistry registry;
    private final QbAuthObservationConvention convention;
    private final DefaultQbAuthObservationConvention defaultConvention;
    private final boolean propagate;

    ObservationInstrumentation(ObservationRegistry registry, QbAuthObservationConvention convention,
                               DefaultQbAuthObservationConvention defaultConvention, boolean propagate) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.convention = convention;
        this.defaultConvention = defaultConvention;
        this.propagate = propagate;
    }

    static ObservationInstrumentation of(ObservationRegistry registry) {
        return new ObservationInstrumentation(registry, null, DEFAULT_CONVENTION, false);
    }

    /**
     * Whether outgoing requests carry the trace context (W3C {@code traceparent}, or what the tracer's propagator
     * writes). Off by default: QuickBlox does not need it; a proxy in front of it might. A header the request
     * already has is never replaced.
     */
    public ObservationInstrumentation propagateTraceContext(boolean value) {
        return new ObservationInstrumentation(registry, convention, defaultConvention, value);
    }

    /** Uses {@code value} instead of the default convention (extend {@link DefaultQbAuthObservationConvention}). */
    public ObservationInstrumentation convention(QbAuthObservationConvention value) {
        return new ObservationInstrumentation(registry, Objects.requireNonNull(value, "convention"),
                defaultConvention, propagate);
    }

    /** The {@code client.name} of the default convention (default {@code qbauth}), to tell clients apart. */
    public ObservationInstrumentation clientName(String value) {
        return new ObservationInstrumentation(registry, convention,
                new DefaultQbAuthObservationConvention(Objects.requireNonNull(value, "clientName")), propagate);
    }

    /** Whether trace-context propagation is on. */
    public boolean propagatesTraceContext() {
        return propagate;
    }

    @Override
    public AuthScope start(AuthActivity activity, AuthScope parent) {
        if (registry.isNoop()) {
            return AuthScope.NONE;
        }
        Observation observation = null;
        try {
            Observation.Context context = activity instanceof AuthActivity.HttpExchange exchange
                    ? new HttpExchangeContext(exchange, propagate) : new AuthActivityContext(activity);
            observation = documentation(activity).observation(convention, defaultConvention, () -> context, registry);
            if (parent instanceof Started started) {
                observation.parentObservation(started.observation);
            }
            observation.start();
            return new Started(observation);
        } catch (Throwable e) { // a handler is application code: the call goes on unobserved
            dropped("start", e);
            if (observation != null) {
                stopQuietly(observation);
            }
            return AuthScope.NONE;
        }
    }

    @Override
    public String toString() {
        return "ObservationInstrumentation[registry=" + registry.getClass().getSimpleName() + ", propagate="
                + propagate + "]";
    }

    private static QbAuthObservationDocumentation documentation(AuthActivity activity) {
        return switch (activity) {
            case AuthActivity.ClientOperation operation -> QbAuthObservationDocumentation.OPERATION;
            case AuthActivity.SessionAcquisition acquisition -> QbAuthObservationDocumentation.SESSION_ACQUISITION;
            case AuthActivity.SessionCreation creation -> QbAuthObservationDocumentation.SESSION_CREATION;
            case AuthActivity.HttpExchange exchange -> QbAuthObservationDocumentation.HTTP_EXCHANGE;
            case AuthActivity.RequestReplay replay -> QbAuthObservationDocumentation.REQUEST_REPLAY;
        };
    }

    /** A started observation: the parent of the activities inside it. */
    private record Started(Observation observation) implements AuthScope {
        @Override
        public void stop(Throwable failure) {
            try {
                if (observation.getContext() instanceof HttpExchangeContext http) {
                    int status = http.activity().status();
                    http.setResponse(status == AuthActivity.HttpExchange.NO_STATUS ? null : status);
                }
                if (failure != null) {
                    observation.error(failure);
                }
            } catch (Throwable e) { // a handler's onError: the observation must still be stopped
                dropped("error", e);
            }
            stopQuietly(observation);
        }
    }

    private static void stopQuietly(Observation observation) {
        try {
            observation.stop();
        } catch (Throwable e) { // a handler's onStop: the call has completed already
            dropped("stop", e);
        }
    }

    private static void dropped(String step, Throwable e) {
        LOG.log(System.Logger.Level.DEBUG, () -> "qbauth observations: a handler threw " + e.getClass().getName()
                + " on " + step + "; the activity is not observed further", e);
    }
}
