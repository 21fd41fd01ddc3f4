package io.qbauth.adapter.metrics.micrometer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.qbauth.QbAuth;
import io.qbauth.domain.ConfigurationException;

/**
 * Instruments a qbauth client with Micrometer, in one line, whichever transport it ends up with:
 *
 * <pre>{@code
 * QbAuthClient client = QbAuthMetrics.instrument(QbAuth.builder(), meterRegistry)
 *         .applicationId(12345).authKey("...").authSecret("...")
 *         .build();
 * }</pre>
 *
 * It adds to the builder a decorator of the transport (times every HTTP exchange) and an event listener, as
 * Micrometer's {@code OkHttpMetricsEventListener} does: the core's {@code OperationCompleted} events time every
 * operation, the session lifecycle events count creations (and time them), re-creations, flight joins,
 * invalidations, expirations, replays, destructions, logins and logouts. The meters have the fixed names below and
 * the tags listed in the module README. Rename, deny or shape them (percentile histograms, SLO buckets) with a
 * Micrometer {@link MeterFilter} on the registry. Every tag value is bounded (no user id, login, token, secret or
 * raw URL), and recording never throws into the caller: a failing registry drops the sample and logs at DEBUG.
 *
 * <p>Instrument a builder once: a second call would time everything twice.
 */
public final class QbAuthMetrics {

    /** Timer of every client operation. */
    public static final String OPERATIONS = "qbauth.operations";
    /** Timer of every HTTP exchange. */
    public static final String HTTP_CLIENT_REQUESTS = "qbauth.http.client.requests";
    /** Timer of session creations, successful or not: how long a caller waits for a new session. */
    public static final String SESSION_CREATION = "qbauth.session.creation";
    /** Counter of session creations, successful or not. */
    public static final String SESSION_CREATIONS = "qbauth.session.creations";
    /** Counter of expired sessions replaced by a new one. */
    public static final String SESSION_RECREATIONS = "qbauth.session.recreations";
    /** Counter of callers that joined a session creation already in flight. */
    public static final String SESSION_FLIGHT_JOINS = "qbauth.session.flight.joins";
    /** Counter of compare-and-invalidate steps after the server rejected a token. */
    public static final String SESSION_INVALIDATIONS = "qbauth.session.invalidations";
    /** Counter of sessions found gone (server rejection or local expiry). */
    public static final String SESSION_EXPIRATIONS = "qbauth.session.expirations";
    /** Counter of sessions ended with {@code destroySession}. */
    public static final String SESSION_DESTRUCTIONS = "qbauth.session.destructions";
    /** Counter of requests that met a session expiry, by what happened to them. */
    public static final String REAUTH_REPLAYS = "qbauth.reauth.replays";
    /** Counter of application sessions upgraded to user sessions. */
    public static final String LOGINS = "qbauth.logins";
    /** Counter of user sessions downgraded to application sessions. */
    public static final String LOGOUTS = "qbauth.logouts";
    /** Gauge: identities a {@code UserPool} holds now (registered at the pool's first identity). */
    public static final String POOL_IDENTITIES = "qbauth.pool.identities";
    /** Counter: identities a {@code UserPool} took in. */
    public static final String POOL_IDENTITIES_ADDED = "qbauth.pool.identities.added";
    /** Counter: identities a {@code UserPool} let go, tagged {@code reason} (evicted_capacity, evicted_idle, …). */
    public static final String POOL_IDENTITIES_REMOVED = "qbauth.pool.identities.removed";
    /**
     * Gauge: 1 while the shared session store of a fleet answers, 0 while it does not (registered at the first
     * fleet event: a store failure or a coordinated acquisition).
     */
    public static final String STORE_AVAILABLE = "qbauth.store.available";
    /**
     * Counter: sessions a fleet member needed and how it had them, tagged {@code outcome} (adopted, joined,
     * created, local).
     */
    public static final String FLEET_ACQUISITIONS = "qbauth.fleet.acquisitions";

    /** Tag telling clients apart; given as a common tag it replaces the transport's name on the HTTP timer. */
    public static final String CLIENT_NAME_TAG = Meters.CLIENT_NAME;

    private QbAuthMetrics() {
    }

    /**
     * Adds the qbauth meters to {@code builder}.
     *
     * @return {@code builder}, for chaining
     * @throws ConfigurationException if an argument is null
     */
    public static QbAuth.Builder instrument(QbAuth.Builder builder, MeterRegistry registry) {
        return instrument(builder, registry, Tags.empty());
    }

    /**
     * Adds the qbauth meters to {@code builder}, each with {@code tags} as well (e.g. {@code client.name=orders} to
     * tell two clients of one application apart). Among the keys qbauth sets itself, only {@value #CLIENT_NAME_TAG}
     * may be given: it replaces the transport's name on the HTTP timer.
     *
     * @return {@code builder}, for chaining
     * @throws ConfigurationException if an argument is null, a tag is null, or a tag uses a key qbauth sets itself
     *                                other than {@value #CLIENT_NAME_TAG}
     */
    public static QbAuth.Builder instrument(QbAuth.Builder builder, MeterRegistry registry, Iterable<Tag> tags) {
        require(builder, "builder");
        require(registry, "registry");
        require(tags, "tags");
        Meters meters = new Meters(registry, commonTags(tags));
        return builder
                .decorateTransport(transport -> new MeteredAuthTransport(transport, meters))
                .listener(new MicrometerAuthEventListener(meters));
    }

    private static Tags commonTags(Iterable<Tag> tags) {
        for (Tag tag : tags) {
            if (tag == null) {
                throw new ConfigurationException("tags must not contain null");
            }
        }
        Tags common = Tags.of(tags);
        for (Tag tag : common) {
            if (Meters.BUILT_IN_TAG_KEYS.contains(tag.getKey()) && !tag.getKey().equals(Meters.CLIENT_NAME)) {
                throw new ConfigurationException("tag " + tag.getKey() + " is set by qbauth itself; pick another key");
            }
        }
        return common;
    }

    private static void require(Object value, String name) {
        if (value == null) {
            throw new ConfigurationException(name + " is required");
        }
    }
}
