package io.qbauth.adapter.store.redis;

import io.qbauth.domain.Session;
import io.qbauth.spi.FleetIdentity;
import io.qbauth.spi.LeaseOutcome;
import io.qbauth.spi.SharedSession;
import io.qbauth.spi.SharedSessionStore;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One instance of a simulated fleet, running the coordination of docs/FLEET.md §3 on a store: read, else lease and
 * create-and-publish, else wait for the holder's publication. Blocking, for test threads.
 */
final class FleetMember {

    private final SharedSessionStore store;
    private final Duration lease;

    FleetMember(SharedSessionStore store, Duration lease) {
        this.store = store;
        this.lease = lease;
    }

    /** The fleet's session of {@code identity}, created with {@code create} only when this member wins the lease. */
    Session obtain(FleetIdentity identity, Supplier<Session> create) {
        for (int attempt = 0; attempt < 100; attempt++) {
            Optional<SharedSession> stored = TestSessions.await(store.read(identity));
            if (stored.isPresent()) {
                return stored.get().session();
            }
            LeaseOutcome outcome = TestSessions.await(store.tryLease(identity, 0, lease));
            if (outcome instanceof LeaseOutcome.Newer newer) {
                return newer.current().session();
            }
            if (outcome instanceof LeaseOutcome.Granted granted) {
                return TestSessions.await(store.publish(granted.lease(), create.get())).session();
            }
            LeaseOutcome.Held held = (LeaseOutcome.Held) outcome;
            long known = held.current().map(SharedSession::generation).orElse(0L);
            Optional<SharedSession> published = TestSessions.await(
                    store.awaitNewer(identity, known, held.remaining().plusMillis(200)));
            if (published.isPresent()) {
                return published.get().session();
            }
        }
        throw new AssertionError("no session after 100 rounds");
    }
}
