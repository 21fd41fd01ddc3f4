package io.qbauth.spi;

import io.qbauth.domain.Session;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * A store a fleet of clients shares, so that one instance creates the session of an identity and every other one
 * adopts it (docs/FLEET.md). The core consults it only when its local single flight would create a session: the hot
 * path never touches it. Implemented by store adapters (auth-store-redis); an application only hands an instance to
 * the client, as it does a transport.
 *
 * <p>Contract for implementers:
 * <ul>
 *   <li>Every stage completes within the store's own operation timeout ({@link #awaitNewer} within its
 *       {@code max}); a failure is a {@link SharedStoreException}, on which the core falls back to its local
 *       flight. Methods never throw: bad state is reported through the stage.</li>
 *   <li>{@link #publish} and {@link #invalidate} are atomic compare-and-set operations on the generation: a
 *       publication with a generation not greater than the stored one changes nothing; an invalidation deletes only
 *       the very session it names.</li>
 *   <li>Nothing readable is kept at rest: tokens are sealed, identities are {@link FleetIdentity} digests. An entry
 *       that cannot be opened (wrong key) is reported as absent, never as a failure of the call.</li>
 *   <li>Thread-safe; stages may complete on the store's own threads, so the core never blocks in continuations.</li>
 * </ul>
 */
public interface SharedSessionStore extends AutoCloseable {

    /** The session stored for {@code identity}, if any (an unreadable entry is absent). */
    CompletionStage<Optional<SharedSession>> read(FleetIdentity identity);

    /**
     * Tries to take the creation lease of {@code identity} for {@code ttl}, because the stored session the caller
     * knows ({@code knownGeneration}, 0 for none) is missing or unusable: {@link LeaseOutcome.Newer} when a newer
     * session is stored meanwhile (adopt it), else {@link LeaseOutcome.Granted} with a new generation, or
     * {@link LeaseOutcome.Held} when another holder has the lease. Comparing with the known generation in the same
     * atomic step keeps a caller who read just before a publication from creating a second session.
     */
    CompletionStage<LeaseOutcome> tryLease(FleetIdentity identity, long knownGeneration, Duration ttl);

    /**
     * Publishes {@code session} under the lease's generation if that is newer than the stored one, keeps it until the
     * session expires, releases the lease if still held by this owner and wakes the waiters. Completes with what is
     * stored afterwards: this session, or the newer one that won (the caller adopts it and discards its own).
     */
    CompletionStage<SharedSession> publish(Lease lease, Session session);

    /** Gives up {@code lease} without publishing (the creation failed): deleted only if this owner still holds it. */
    CompletionStage<Void> release(Lease lease);

    /**
     * Completes with the stored session of {@code identity} as soon as one newer than {@code generation} (0: any) is
     * there, or empty after {@code max}. Woken by the store's notifications, with polling as the fallback.
     */
    CompletionStage<Optional<SharedSession>> awaitNewer(FleetIdentity identity, long generation, Duration max);

    /**
     * A 401 said {@code seen} no longer exists: deletes it only if it is still the stored session (same generation,
     * same token). Completes with whether something was deleted.
     */
    CompletionStage<Boolean> invalidate(FleetIdentity identity, SharedSession seen);

    /**
     * The sliding expiry of {@code seen} moved to {@code expiresAt}: lengthens (never shortens) its stored lifetime if
     * it is still the stored session. Callers do this at most about once a minute per identity. Completes with whether
     * the stored lifetime was lengthened.
     */
    CompletionStage<Boolean> extend(FleetIdentity identity, SharedSession seen, Instant expiresAt);

    /** A 429 asked the application to wait {@code retryAfter}: every instance honours it (only ever lengthened). */
    CompletionStage<Void> backOff(long applicationId, Duration retryAfter);

    /** How long the fleet must still wait before creating sessions of {@code applicationId} (zero: not at all). */
    CompletionStage<Duration> backOffRemaining(long applicationId);

    /** Closes the store's connections; later operations fail with {@link SharedStoreException.Reason#CLOSED}. */
    @Override
    void close();
}
