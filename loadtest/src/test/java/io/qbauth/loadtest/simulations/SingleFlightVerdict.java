package io.qbauth.loadtest.simulations;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The single-flight property of one client under load, from the server's counters: over the session-refresh (or
 * many-users) phase, sessions created must not exceed identities (users) x (expiry windows + 1). Each identity's sessions expire in
 * every idle gap between waves (the expiry windows, {@code waves - 1}), and one creation per identity per wave is
 * what single-flight allows; without it, every virtual user that meets the expired session creates its own.
 *
 * @param client           the client (and the phase, for the many users)
 * @param sessionsCreated  sessions the server created for the client's application of the phase
 * @param identities       shared identities, or the many users
 * @param expiryWindows    times the sessions expired during the phase
 */
record SingleFlightVerdict(String client, long sessionsCreated, int identities, int expiryWindows) {

    /** The most creations single-flight allows. */
    long bound() {
        return (long) identities * (expiryWindows + 1);
    }

    boolean holds() {
        return sessionsCreated <= bound();
    }

    /** A stage that completes when the property holds and fails, saying why, when it does not. */
    CompletionStage<Void> asStage() {
        return holds()
                ? CompletableFuture.completedFuture(null)
                : CompletableFuture.failedFuture(new IllegalStateException(describe()));
    }

    String describe() {
        return String.format("%s: %d sessions created for %d identities over %d expiry windows (bound %d) -> %s",
                client, sessionsCreated, identities, expiryWindows, bound(),
                holds() ? "single-flight holds" : "HERD: more creations than single-flight allows");
    }
}
