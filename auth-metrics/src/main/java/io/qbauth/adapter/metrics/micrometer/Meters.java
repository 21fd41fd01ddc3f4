package io.qbauth.adapter.metrics.micrometer;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter.MeterProvider;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every qbauth meter, pre-bound to the registry ({@link MeterProvider}: the builder is built once, the tags are
 * resolved per sample; the operation and HTTP timers remember what they resolved, see {@link ResolvedTimers}). Recording never
 * throws: a failing registry, filter or clock is logged at DEBUG (meter name and exception class only) and the sample
 * is dropped.
 */
final class Meters {

    static final String OPERATION = "operation";
    static final String SESSION_KIND = "session.kind";
    static final String AUTH_METHOD = "auth.method";
    static final String OUTCOME = "outcome";
    static final String EXCEPTION = "exception";
    static final String METHOD = "method";
    static final String URI = "uri";
    static final String STATUS = "status";
    static final String CLIENT_NAME = "client.name";
    static final String REASON = "reason";
    static final String RESULT = "result";

    /** Keys qbauth sets itself; common tags may use only {@link #CLIENT_NAME} among them. */
    static final Set<String> BUILT_IN_TAG_KEYS = Set.of(OPERATION, SESSION_KIND, AUTH_METHOD, OUTCOME, EXCEPTION,
            METHOD, URI, STATUS, CLIENT_NAME, REASON, RESULT);

    /** What {@link #start()} returns when the clock failed: the sample is dropped. */
    static final long NO_START = Long.MIN_VALUE;

    private static final System.Logger LOG = System.getLogger(Meters.class.getName());

    private final Clock clock;
    private final String clientNameOverride;
    private final ResolvedTimers<OperationTags> operations;
    private final ResolvedTimers<HttpTags> httpRequests;
    private final MeterProvider<Timer> creationTimes;
    private final MeterProvider<Counter> creations;
    private final MeterProvider<Counter> recreations;
    private final MeterProvider<Counter> flightJoins;
    private final MeterProvider<Counter> invalidations;
    private final MeterProvider<Counter> expirations;
    private final MeterProvider<Counter> destructions;
    private final MeterProvider<Counter> replays;
    private final MeterProvider<Counter> logins;
    private final MeterProvider<Counter> logouts;
    private final MeterProvider<Counter> poolAdded;
    private final MeterProvider<Counter> poolRemoved;
    private final AtomicLong poolHeld = new AtomicLong();
    private final AtomicBoolean poolGaugeRegistered = new AtomicBoolean();
    private final MeterProvider<Counter> fleetAcquisitions;
    private final AtomicLong storeAvailable = new AtomicLong(1);
    private final AtomicBoolean storeGaugeRegistered = new AtomicBoolean();
    private final MeterRegistry registry;
    private final Tags common;

    /** @param common tags added to every meter, already checked ({@link QbAuthMetrics}) */
    Meters(MeterRegistry registry, Tags common) {
        this.clock = registry.config().clock();
        this.registry = registry;
        this.common = common;
        this.clientNameOverride = common.stream().filter(tag -> tag.getKey().equals(CLIENT_NAME))
                .map(Tag::getValue).findFirst().orElse(null);
        this.operations = new ResolvedTimers<>(registry,
                timer(QbAuthMetrics.OPERATIONS, "qbauth client operations", common, registry));
        this.httpRequests = new ResolvedTimers<>(registry,
                timer(QbAuthMetrics.HTTP_CLIENT_REQUESTS, "HTTP exchanges of the qbauth transport", common,
                        registry));
        this.creationTimes = timer(QbAuthMetrics.SESSION_CREATION, "how long session creations took", common,
                registry);
        this.creations = counter(QbAuthMetrics.SESSION_CREATIONS, "session creations", common, registry);
        this.recreations = counter(QbAuthMetrics.SESSION_RECREATIONS, "expired sessions replaced by a new one",
                common, registry);
        this.flightJoins = counter(QbAuthMetrics.SESSION_FLIGHT_JOINS,
                "callers that joined a session creation in flight", common, registry);
        this.invalidations = counter(QbAuthMetrics.SESSION_INVALIDATIONS, "tokens compared after a server rejection",
                common, registry);
        this.expirations = counter(QbAuthMetrics.SESSION_EXPIRATIONS, "sessions found gone", common, registry);
        this.destructions = counter(QbAuthMetrics.SESSION_DESTRUCTIONS, "sessions destroyed", common, registry);
        this.replays = counter(QbAuthMetrics.REAUTH_REPLAYS, "requests that met a session expiry", common,
                registry);
        this.logins = counter(QbAuthMetrics.LOGINS, "application sessions upgraded to user sessions", common,
                registry);
        this.logouts = counter(QbAuthMetrics.LOGOUTS, "user sessions downgraded to application sessions", common,
                registry);
        this.poolAdded = counter(QbAuthMetrics.POOL_IDENTITIES_ADDED, "identities a user pool took in", common,
                registry);
        this.poolRemoved = counter(QbAuthMetrics.POOL_IDENTITIES_REMOVED, "identities a user pool let go", common,
                registry);
        this.fleetAcquisitions = counter(QbAuthMetrics.FLEET_ACQUISITIONS,
                "sessions a fleet member needed, by how it had them", common, registry);
    }

    /** The {@code client.name} given as a common tag, or {@code null} to use the transport's name. */
    String clientNameOverride() {
        return clientNameOverride;
    }

    /** A start time for {@link #operation} or {@link #httpRequest}; {@link #NO_START} if the clock fails. */
    long start() {
        try {
            return clock.monotonicTime();
        } catch (Throwable e) { // the registry's clock is the application's
            dropped("clock", e);
            return NO_START;
        }
    }

    /** One operation that took {@code duration} (measured by the core, see {@code OperationCompleted}). */
    void operation(Duration duration, String operation, String sessionKind, String authMethod, String outcome,
                   String exception) {
        try {
            operations.get(new OperationTags(operation, sessionKind, authMethod, outcome, exception))
                    .record(duration);
        } catch (Throwable e) { // the registry and its filters are the application's: metrics never break a call
            dropped(QbAuthMetrics.OPERATIONS, e);
        }
    }

    void httpRequest(long start, String method, String uri, String status, String outcome, String exception,
                     String clientName) {
        if (start == NO_START) {
            return;
        }
        try {
            httpRequests.get(new HttpTags(method, uri, status, outcome, exception, clientName))
                    .record(elapsed(start), TimeUnit.NANOSECONDS);
        } catch (Throwable e) { // the registry and its filters are the application's: metrics never break a call
            dropped(QbAuthMetrics.HTTP_CLIENT_REQUESTS, e);
        }
    }

    /** One session creation: counted with its reason, timed without it (see {@link QbAuthMetrics#SESSION_CREATION}). */
    void sessionCreation(String sessionKind, String authMethod, String reason, String result, Duration duration) {
        increment(creations, QbAuthMetrics.SESSION_CREATIONS, SESSION_KIND, sessionKind, AUTH_METHOD, authMethod,
                REASON, reason, RESULT, result);
        try {
            creationTimes.withTags(SESSION_KIND, sessionKind, AUTH_METHOD, authMethod, OUTCOME, result)
                    .record(duration);
        } catch (Throwable e) { // the registry and its filters are the application's: metrics never break a call
            dropped(QbAuthMetrics.SESSION_CREATION, e);
        }
    }

    void sessionRecreation(String sessionKind) {
        increment(recreations, QbAuthMetrics.SESSION_RECREATIONS, SESSION_KIND, sessionKind);
    }

    void flightJoin(String sessionKind) {
        increment(flightJoins, QbAuthMetrics.SESSION_FLIGHT_JOINS, SESSION_KIND, sessionKind);
    }

    void invalidation(String outcome) {
        increment(invalidations, QbAuthMetrics.SESSION_INVALIDATIONS, OUTCOME, outcome);
    }

    void expiration(String sessionKind) {
        increment(expirations, QbAuthMetrics.SESSION_EXPIRATIONS, SESSION_KIND, sessionKind);
    }

    void destruction(String sessionKind) {
        increment(destructions, QbAuthMetrics.SESSION_DESTRUCTIONS, SESSION_KIND, sessionKind);
    }

    void replay(String method, String result) {
        increment(replays, QbAuthMetrics.REAUTH_REPLAYS, METHOD, method, RESULT, result);
    }

    void login(String authMethod) {
        increment(logins, QbAuthMetrics.LOGINS, AUTH_METHOD, authMethod);
    }

    void logout() {
        increment(logouts, QbAuthMetrics.LOGOUTS);
    }

    /** A user pool took in an identity: the held gauge (registered now, the first time) goes up. */
    void poolIdentityAdded() {
        poolHeld.incrementAndGet();
        if (!poolGaugeRegistered.get() && poolGaugeRegistered.compareAndSet(false, true)) {
            try {
                Gauge.builder(QbAuthMetrics.POOL_IDENTITIES, poolHeld, AtomicLong::get)
                        .description("identities a user pool holds").tags(common).strongReference(true)
                        .register(registry);
            } catch (Throwable e) { // the registry and its filters are the application's
                dropped(QbAuthMetrics.POOL_IDENTITIES, e);
            }
        }
        increment(poolAdded, QbAuthMetrics.POOL_IDENTITIES_ADDED);
    }

    /** A user pool let an identity go, for {@code reason}. */
    void poolIdentityRemoved(String reason) {
        poolHeld.decrementAndGet();
        increment(poolRemoved, QbAuthMetrics.POOL_IDENTITIES_REMOVED, REASON, reason);
    }

    /** The shared session store answers ({@code true}) or not: the {@code qbauth.store.available} gauge. */
    void storeAvailable(boolean available) {
        storeAvailable.set(available ? 1 : 0);
        registerStoreGauge();
    }

    /** A fleet member had a session as {@code outcome}. */
    void fleetAcquisition(String outcome) {
        registerStoreGauge();
        increment(fleetAcquisitions, QbAuthMetrics.FLEET_ACQUISITIONS, OUTCOME, outcome);
    }

    private void registerStoreGauge() {
        if (!storeGaugeRegistered.get() && storeGaugeRegistered.compareAndSet(false, true)) {
            try {
                Gauge.builder(QbAuthMetrics.STORE_AVAILABLE, storeAvailable, AtomicLong::get)
                        .description("1 while the shared session store answers, 0 while it does not").tags(common)
                        .strongReference(true).register(registry);
            } catch (Throwable e) { // the registry and its filters are the application's
                dropped(QbAuthMetrics.STORE_AVAILABLE, e);
            }
        }
    }

    /** The tag values of one {@code qbauth.operations} timer. */
    private record OperationTags(String operation, String sessionKind, String authMethod, String outcome,
                                 String exception) implements ResolvedTimers.Key {
        @Override
        public String[] keyValues() {
            return new String[] {OPERATION, operation, SESSION_KIND, sessionKind, AUTH_METHOD, authMethod,
                OUTCOME, outcome, EXCEPTION, exception};
        }
    }

    /** The tag values of one {@code qbauth.http.client.requests} timer. */
    private record HttpTags(String method, String uri, String status, String outcome, String exception,
                            String clientName) implements ResolvedTimers.Key {
        @Override
        public String[] keyValues() {
            return new String[] {METHOD, method, URI, uri, STATUS, status, OUTCOME, outcome, EXCEPTION, exception,
                CLIENT_NAME, clientName};
        }
    }

    private long elapsed(long start) {
        return Math.max(0, clock.monotonicTime() - start);
    }

    private static void increment(MeterProvider<Counter> counter, String name, String... tags) {
        try {
            counter.withTags(tags).increment();
        } catch (Throwable e) { // the registry and its filters are the application's: metrics never break a call
            dropped(name, e);
        }
    }

    static void dropped(String what, Throwable e) {
        LOG.log(System.Logger.Level.DEBUG, () -> "qbauth metrics: dropped a sample of " + what + " ("
                + e.getClass().getName() + ")", e);
    }

    /** Histograms and SLO buckets are the registry's {@code MeterFilter}s to configure, as for any Micrometer timer. */
    private static MeterProvider<Timer> timer(String name, String description, Tags common, MeterRegistry registry) {
        return Timer.builder(name).description(description).tags(common).withRegistry(registry);
    }

    private static MeterProvider<Counter> counter(String name, String description, Tags common,
                                                  MeterRegistry registry) {
        return Counter.builder(name).description(description).tags(common).withRegistry(registry);
    }
}
