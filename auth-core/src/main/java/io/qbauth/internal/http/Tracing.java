package io.qbauth.internal.http;

import io.qbauth.event.AuthActivity;
import io.qbauth.event.AuthInstrumentation;
import io.qbauth.event.AuthScope;
import io.qbauth.spi.TransportSupport;
import java.util.concurrent.CompletableFuture;

/**
 * The client's {@link AuthInstrumentation}, guarded: whatever it throws (an {@link Error} included) is logged at
 * WARNING and the activity goes on unobserved, so an instrumentation never breaks or hangs a call. Callers check
 * {@link #on()} first and build no activity without an instrumentation: with {@link AuthInstrumentation#none()}
 * tracing costs a field read.
 */
public final class Tracing {

    /** No instrumentation. */
    public static final Tracing OFF = new Tracing(AuthInstrumentation.none());

    private static final System.Logger LOG = System.getLogger(Tracing.class.getName());

    private final AuthInstrumentation instrumentation;
    private final boolean on;

    private Tracing(AuthInstrumentation instrumentation) {
        this.instrumentation = instrumentation;
        this.on = instrumentation != AuthInstrumentation.none();
    }

    /** Tracing through {@code instrumentation}; {@link #OFF} for {@code null} or {@link AuthInstrumentation#none()}. */
    public static Tracing of(AuthInstrumentation instrumentation) {
        return instrumentation == null || instrumentation == AuthInstrumentation.none() ? OFF
                : new Tracing(instrumentation);
    }

    /** Whether activities are observed at all. */
    public boolean on() {
        return on;
    }

    /** Starts {@code activity} under {@code parent}; {@link AuthScope#NONE} when off or when the instrumentation fails. */
    public AuthScope start(AuthActivity activity, AuthScope parent) {
        if (!on) {
            return AuthScope.NONE;
        }
        try {
            AuthScope scope = instrumentation.start(activity, parent == null ? AuthScope.NONE : parent);
            return scope != null ? scope : AuthScope.NONE;
        } catch (Throwable e) { // application code: the call goes on unobserved
            LOG.log(System.Logger.Level.WARNING, () -> "AuthInstrumentation " + instrumentation.getClass().getName()
                    + " threw " + e.getClass().getName() + " starting " + activity.getClass().getSimpleName()
                    + "; the activity is not observed", e);
            return AuthScope.NONE;
        }
    }

    /** Stops {@code scope} with {@code failure} (unwrapped; null on success); never throws. */
    public static void stop(AuthScope scope, Throwable failure) {
        if (scope == AuthScope.NONE) {
            return;
        }
        try {
            scope.stop(TransportSupport.unwrap(failure));
        } catch (Throwable e) { // application code: the call has completed already, it must not be disturbed
            LOG.log(System.Logger.Level.WARNING, () -> "AuthScope " + scope.getClass().getName() + " threw "
                    + e.getClass().getName() + " on stop; ignored", e);
        }
    }

    /**
     * Stops {@code scope} once {@code stage} completes (after the stage's own completion, so the caller's
     * continuations are not held up by it); returns {@code stage} itself.
     */
    public static <T> CompletableFuture<T> stopWhenDone(AuthScope scope, CompletableFuture<T> stage) {
        if (scope != AuthScope.NONE) {
            stage.whenComplete((value, failure) -> stop(scope, failure));
        }
        return stage;
    }
}
