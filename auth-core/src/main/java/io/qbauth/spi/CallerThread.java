package io.qbauth.spi;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Lets a caller that waits for its call anyway lend its own thread to the exchange it starts, so a transport built on
 * a blocking HTTP client can run that exchange right there instead of handing it to another thread and back.
 *
 * <p>The SDK's blocking facade lends the thread for the time it takes to <em>start</em> a call; the SDK withholds it
 * from shared work started meanwhile (a session creation that other callers join must not hang on, or be ended by
 * an interrupt of, one caller's thread). A transport asks with {@link #claim()} at the start of
 * {@link AuthTransport#execute}: at most one exchange per lending gets the thread, on which it then runs to its end
 * and returns a completed stage. A transport that never claims is always correct, only one hand-off slower.
 * Applications have no reason to use this class.
 *
 * <p>Interrupts on a claimed thread: an interrupt of the caller's own ends the exchange (abort it; the stage fails)
 * and must stay set when {@code execute} returns (the blocking facade then throws {@code CancellationException});
 * an interrupt the transport delivered itself (to cut a blocking call at its deadline, say) must be cleared before
 * {@code execute} returns, so none is left for the code that runs on the thread next.
 */
public final class CallerThread {

    private static final ThreadLocal<Boolean> LENT = new ThreadLocal<>();

    private CallerThread() {
    }

    /** Runs {@code call} with the current thread lent to the first exchange it starts here; returns its result. */
    public static <T> T lend(Supplier<T> call) {
        return runWith(Boolean.TRUE, call);
    }

    /** Runs {@code work} with no thread lent, whatever its caller lent; then restores the lending. */
    public static <T> T withhold(Supplier<T> work) {
        return LENT.get() == Boolean.TRUE ? runWith(Boolean.FALSE, work) : work.get();
    }

    /**
     * Whether the current thread is lent to the exchange about to start; a {@code true} is given once per lending,
     * after which the thread is the exchange's to block until it ends.
     */
    public static boolean claim() {
        if (LENT.get() != Boolean.TRUE) {
            return false;
        }
        LENT.set(Boolean.FALSE);
        return true;
    }

    private static <T> T runWith(Boolean lent, Supplier<T> call) {
        Objects.requireNonNull(call, "call");
        Boolean before = LENT.get();
        LENT.set(lent);
        try {
            return call.get();
        } finally {
            if (before == null) {
                LENT.remove();
            } else {
                LENT.set(before);
            }
        }
    }
}
