package io.qbauth.loadtest.simulations;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What one side of the fleet scenario did, from the emulator's counters, and whether that is what the side is for.
 * The bound is the single-flight bound of one client, identities x (expiry windows + 1): a fleet that shares its
 * sessions must keep to it across all its instances and never meet the plan limit (no 429). A fleet that does not
 * share them must show the problem the store solves — more creations than the bound, or 429s — whenever it has more
 * than one instance; if it does not, the scenario did not load it enough to prove anything.
 *
 * @param side             {@code fleet-redis} or {@code fleet-local}
 * @param shared           whether the side shares its sessions through Redis
 * @param instances        SDK instances of the side
 * @param identities       users every instance acts for
 * @param expiryWindows    times the sessions expired during the phase
 * @param sessionsCreated  sessions the emulator created for the side's application
 * @param rateLimited      session creations the emulator refused with 429 (plan limit)
 * @param redisRoundTrips  Redis round trips (script calls) the phase cost, every instance, or -1 when not measured
 * @param redisCommands    Redis commands run in the phase, those inside the scripts included, or -1
 */
record FleetVerdict(String side, boolean shared, int instances, int identities, int expiryWindows,
        long sessionsCreated, long rateLimited, long redisRoundTrips, long redisCommands) {

    /** The most creations a coordinated fleet may make: one per identity per wave. */
    long bound() {
        return (long) identities * (expiryWindows + 1);
    }

    boolean holds() {
        if (shared) {
            return sessionsCreated <= bound() && rateLimited == 0;
        }
        return instances < 2 || sessionsCreated > bound() || rateLimited > 0;
    }

    /** A stage that completes when the verdict holds and fails, saying why, when it does not. */
    CompletionStage<Void> asStage() {
        return holds()
                ? CompletableFuture.completedFuture(null)
                : CompletableFuture.failedFuture(new IllegalStateException(describe()));
    }

    String describe() {
        String outcome = shared
                ? holds() ? "the fleet behaves as one client" : "FAILED: a shared fleet must stay within the bound "
                        + "and never meet the plan limit"
                : holds() ? "the uncoordinated fleet shows the problem, as expected" : "FAILED: the uncoordinated "
                        + "fleet stayed within the bound with no 429: the scenario proves nothing";
        double identityWaves = Math.max(1, bound());
        String redis = redisRoundTrips < 0 ? "" : String.format(Locale.ROOT, ", %d Redis round trips (%.1f per "
                + "identity per wave; %d commands run, those inside the scripts included)", redisRoundTrips,
                redisRoundTrips / identityWaves, redisCommands);
        return String.format(Locale.ROOT, "%s: %d instances x %d identities over %d expiry windows: %d sessions "
                        + "created (bound %d), %d creations refused with 429%s -> %s", side, instances, identities,
                expiryWindows, sessionsCreated, bound(), rateLimited, redis, outcome);
    }
}
