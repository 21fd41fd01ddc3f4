package io.qbauth.event;

/**
 * Tracing hook of a client: the core starts an {@link AuthActivity} when it begins (an operation, a session
 * acquisition, a session creation, an HTTP exchange, a replay) and stops it when it ends, naming the scope of the
 * activity it is part of, so an adapter can nest them as a trace shows them (auth-metrics turns them into Micrometer
 * {@code Observation}s). Give it to {@code QbAuth.builder().instrumentation(...)}.
 *
 * <p>The parent is passed explicitly along the asynchronous chain of a call (never found in a thread-local), so
 * nesting holds whichever thread completes a stage. Without an instrumentation the client uses {@link #none()} and
 * builds no activity at all.
 *
 * <p>An instrumentation is application code to the client: whatever {@link #start} or {@link AuthScope#stop}
 * throws, an {@link Error} included, is caught and logged, and the call goes on as without it.
 */
@FunctionalInterface
public interface AuthInstrumentation {

    /** The instrumentation that observes nothing: the client skips every activity. */
    static AuthInstrumentation none() {
        return NoAuthInstrumentation.INSTANCE;
    }

    /**
     * Starts observing {@code activity}.
     *
     * @param activity what begins; its mutable parts (the status of an exchange, the result of a replay) are final
     *                 when its scope is stopped
     * @param parent   the scope of the activity this one is part of, {@link AuthScope#NONE} for an operation (the
     *                 instrumentation may nest it under whatever the application has open)
     * @return the scope to stop when the activity ends, never null ({@link AuthScope#NONE} to ignore it)
     */
    AuthScope start(AuthActivity activity, AuthScope parent);
}
