package io.qbauth.loadtest.simulations;

import io.qbauth.loadtest.LoadConfig;
import io.qbauth.loadtest.driver.Agent;
import io.qbauth.loadtest.driver.Driver;
import io.qbauth.loadtest.server.AppCredentials;
import io.qbauth.loadtest.server.LoadTarget;
import io.qbauth.loadtest.server.UserAccount;
import io.qbauth.loadtest.server.Workload;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Untimed sign-ins before the measured run ({@code warmupLogins} per client, a few at a time), on the login-storm
 * applications only, so the session-refresh counters stay untouched. Without it the first seconds measure the JIT
 * compiling the emulator's PBKDF2, Vert.x and the SDK, and a short run never recovers from the queue that builds.
 */
final class Warmup {

    private static final int CONCURRENCY = 4;
    private static final long TIMEOUT_SECONDS = 60;

    private Warmup() {
    }

    static void run(LoadConfig config, LoadTarget target, Map<String, Driver> drivers) {
        if (config.warmupLogins() == 0) {
            return;
        }
        long started = System.nanoTime();
        AtomicInteger failures = new AtomicInteger();
        drivers.forEach((client, driver) -> {
            AppCredentials app = target.app(client, Workload.LOGIN_STORM);
            List<UserAccount> users = target.users(client, Workload.LOGIN_STORM);
            AtomicInteger next = new AtomicInteger();
            CompletableFuture<?>[] lanes = new CompletableFuture<?>[CONCURRENCY];
            for (int lane = 0; lane < CONCURRENCY; lane++) {
                lanes[lane] = lane(driver, app, users, next, config.warmupLogins(), failures);
            }
            await(CompletableFuture.allOf(lanes));
        });
        System.out.printf(Locale.ROOT, "qbauth loadtest: warm-up of %d sign-ins per client done in %d ms, %d failed%n",
                config.warmupLogins(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), failures.get());
    }

    /** Sign-ins one after the other until {@code total} have been started across the lanes. */
    private static CompletableFuture<Void> lane(Driver driver, AppCredentials app, List<UserAccount> users,
            AtomicInteger next, int total, AtomicInteger failures) {
        int n = next.getAndIncrement();
        if (n >= total) {
            return CompletableFuture.completedFuture(null);
        }
        Agent agent = driver.newAgent(app);
        UserAccount user = users.get(n % users.size());
        return agent.createAppSession()
                .thenCompose(ignored -> agent.login(user, n % 2 == 0))
                .thenCompose(id -> agent.apiCall("/users/" + id + ".json"))
                .thenCompose(ignored -> agent.destroySession())
                .handle((ignored, failure) -> {
                    agent.close();
                    if (failure != null) {
                        failures.incrementAndGet();
                    }
                    return null;
                })
                .thenCompose(ignored -> lane(driver, app, users, next, total, failures))
                .toCompletableFuture();
    }

    private static void await(CompletableFuture<?> all) {
        try {
            all.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during the warm-up", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the warm-up did not finish in " + TIMEOUT_SECONDS + " s", e);
        }
    }
}
