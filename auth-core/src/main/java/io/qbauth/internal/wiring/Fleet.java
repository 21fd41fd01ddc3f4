package io.qbauth.internal.wiring;

import io.qbauth.config.QbAuthConfig;
import io.qbauth.internal.session.Events;
import io.qbauth.internal.session.FleetHealth;
import io.qbauth.internal.session.FleetSessionSource;
import io.qbauth.internal.session.Identity;
import io.qbauth.internal.session.SessionSource;
import io.qbauth.spi.FleetIdentity;
import io.qbauth.spi.SharedSessionStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Function;

/**
 * How one client or pool shares its sessions with its fleet through a {@link SharedSessionStore}
 * (docs/FLEET.md): the store (owned by the application, never closed here), the fleet identities, the lease and the
 * budget, and the one {@link FleetHealth} every identity reports to. Immutable and thread-safe.
 *
 * <ul>
 *   <li>Lease: the request timeout plus one second (a creation is one request; §12).</li>
 *   <li>Budget: the lease plus the request timeout — the longest the store may delay a creation before this
 *       instance creates locally: long enough for a dead holder's lease to run out and for the one instance that
 *       takes it over to create (§12). A shorter budget (the request timeout alone, less than the lease) made every
 *       waiter of a holder killed mid-creation create locally instead: N - 1 sessions and no convergence (the
 *       separate-JVM fleet test, kill -9 of the holder).</li>
 *   <li>Least lifetime to adopt a stored session: the refresh policy's prefetch margin (scaled down for
 *       short-lived sessions by {@link FleetSessionSource}), so an adopted session is not replaced at once.</li>
 *   <li>Identities: {@link FleetIdentity#derive} keyed with the application's auth secret, which every instance of
 *       the fleet has; the application's session has the fixed key {@value #APPLICATION_KEY}.</li>
 * </ul>
 */
public final class Fleet {

    /** The identity key of the application's own session. */
    static final String APPLICATION_KEY = "application";
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(1);

    private final SharedSessionStore store;
    private final FleetHealth health;
    private final long applicationId;
    private final byte[] secret;
    private final FleetIdentity application;
    private final Duration lease;
    private final Duration budget;
    private final Duration minRemaining;
    private final QbAuthConfig config;

    Fleet(QbAuthConfig config, SharedSessionStore store, Events events) {
        this.config = config;
        this.store = store;
        this.health = new FleetHealth(events);
        this.applicationId = config.applicationId();
        this.secret = config.authSecret().getBytes(StandardCharsets.UTF_8);
        this.application = FleetIdentity.derive(applicationId, secret, APPLICATION_KEY);
        Duration requestTimeout = config.transportConfig().requestTimeout();
        this.lease = requestTimeout.plus(LEASE_MARGIN);
        this.budget = lease.plus(requestTimeout);
        this.minRemaining = config.refreshPolicy().prefetchMargin();
    }

    /** The fleet identity of an identity key (the pool's user key); never the key in clear. */
    public FleetIdentity identity(String identityKey) {
        return FleetIdentity.derive(applicationId, secret, identityKey);
    }

    /** The fleet identity of the application's own session. */
    public FleetIdentity application() {
        return application;
    }

    /** The store availability every identity of this client or pool reports to. */
    public FleetHealth health() {
        return health;
    }

    /** A source that shares the sessions {@code sessions} creates, for identities {@code keys} names (null: not). */
    SessionSource source(SessionSource sessions, Function<Identity, FleetIdentity> keys) {
        return new FleetSessionSource(sessions, store, keys, lease, budget, minRemaining, config.clock(), health);
    }

    /** How long a creation lease lasts. */
    public Duration lease() {
        return lease;
    }
}
