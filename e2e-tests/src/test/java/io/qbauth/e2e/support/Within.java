package io.qbauth.e2e.support;

import static org.assertj.core.api.Assertions.fail;

import io.qbauth.domain.AuthException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Waits for an SDK call with a bound, so a call that never completes fails the test instead of hanging it. The bound
 * is generous (a loaded 2-core machine): the point is "it ends", tests assert tighter timings themselves.
 */
public final class Within {

    /** How long any single SDK call may take before the test calls it a hang. */
    public static final Duration BOUND = Duration.ofSeconds(10);

    private Within() {
    }

    /** The result of {@code stage}, which must succeed within {@link #BOUND}. */
    public static <T> T result(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("expected a result, got " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            return fail("no result within " + BOUND + ": the call hung");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        }
    }

    /** The failure of {@code stage}, which must fail with an {@link AuthException} within {@link #BOUND}. */
    public static AuthException failure(CompletionStage<?> stage) {
        try {
            Object value = stage.toCompletableFuture().get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
            return fail("expected a failure, got " + value);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof CompletionException c && c.getCause() != null
                    ? c.getCause() : e.getCause();
            if (cause instanceof AuthException auth) {
                return auth;
            }
            throw new AssertionError("expected an AuthException, got " + cause, cause);
        } catch (TimeoutException e) {
            return fail("no outcome within " + BOUND + ": the call hung");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        }
    }

    /**
     * Polls {@code condition} every 10 ms until it holds or {@link #BOUND} passes, for state that has no completion
     * signal (a server-side counter, threads ending); returns whether it held.
     */
    public static boolean eventually(BooleanSupplier condition) {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Runs {@code call} and returns how long it took to complete, whichever way. */
    public static Duration timed(Runnable call) {
        long start = System.nanoTime();
        call.run();
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
