package io.qbauth.e2e.hooks;

import static org.assertj.core.api.Assertions.fail;

import io.qbauth.e2e.support.Within;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/** Assertions on how a call ends when application code inside it throws. */
final class Calls {

    private Calls() {
    }

    /** {@code stage} ends, either way, within {@link Within#BOUND}. */
    static void end(CompletionStage<?> stage) {
        try {
            stage.toCompletableFuture().get(Within.BOUND.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException failedAsItMay) {
            // a failure is an ending
        } catch (TimeoutException e) {
            fail("the call did not end within " + Within.BOUND + ": it hangs");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted");
        }
    }

    /**
     * {@code call} succeeds within {@link Within#BOUND}, retried while it fails fast (a back-off after a failed
     * creation answers with the failure at once until it has passed); each attempt must end.
     */
    static void succeedEventually(Supplier<? extends CompletionStage<?>> call) {
        long deadline = System.nanoTime() + Within.BOUND.toNanos();
        Throwable last = null;
        while (System.nanoTime() < deadline) {
            try {
                call.get().toCompletableFuture().get(Within.BOUND.toMillis(), TimeUnit.MILLISECONDS);
                return;
            } catch (ExecutionException e) {
                last = e.getCause();
                sleep();
            } catch (TimeoutException e) {
                fail("the call did not end within " + Within.BOUND + ": it hangs");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
        throw new AssertionError("no call succeeded within " + Within.BOUND + "; the last failed with " + last, last);
    }

    /** What {@code action} throws; fails if it returns. */
    static Throwable thrownBy(Runnable action) {
        try {
            action.run();
        } catch (Throwable thrown) {
            return thrown;
        }
        throw new AssertionError("expected a throwable");
    }

    private static void sleep() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
