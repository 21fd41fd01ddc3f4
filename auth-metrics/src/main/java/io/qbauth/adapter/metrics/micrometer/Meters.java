package io.qbauth.adapter.metrics.micrometer;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter.MeterProvider;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Every qbauth meter, pre-bound to the registry ({@link MeterProvider}: the builder is built once, the tags are
 * resolved per sample; the two timers remember what they resolved, see {@link ResolvedTimers}). Recording never
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

    /** Keys qbauth sets itself; options may add only {@link #CLIENT_NAME} among them. */
    static final Set<String> BUILT_IN_TAG_KEYS = Set.of(OPERATION, SESSION_KIND, AUTH_METHOD, OUTCOME, EXCEPTION,
            METHOD, URI, STATUS, CLIENT_NAME, REASON, RESULT);

    /** What {@link #start()} returns when the clock failed: the sample is dropped. */
    static final long NO_START = Long.MIN_VALUE;

    private static final System.Logger LOG = System.getLogger(Meters.class.getName());

    private final Clock clock;
    private final QbAuthMetricNames names;
    private final String clientNameOverride;
    private final ResolvedTimers<OperationTags> operations;
    private final ResolvedTimers<HttpTags> httpRequests;
    private final MeterProvider<Counter> creations;
    private final MeterProvider<Counter> recreations;
    private final MeterProvider<Counter> flightJoins;
    private final MeterProvider<Counter> invalidations;
    private final MeterProvider<Counter> expirations;
    private final MeterProvider<Counter> destructions;
    private final MeterProvider<Counter> replays;
    private final MeterProvider<Counter> logins;
    private final MeterProvider<Counter> logouts;

    Meters(MeterRegistry registry, QbAuthMetricsOptions options) {
        this.clock = registry.config().clock();
        this.names = options.names();
        Tags common = options.tags();
        this.clientNameOverride = common.stream().filter(tag -> tag.getKey().equals(CLIENT_NAME))
                .map(Tag::getValue).findFirst().orElse(null);
        this.operations = new ResolvedTimers<>(registry,
                timer(names.operations(), "qbauth client operations", options, registry));
        this.httpRequests = new ResolvedTimers<>(registry,
                timer(names.httpClientRequests(), "HTTP exchanges of the qbauth transport", options, registry));
        this.creations = counter(names.sessionCreations(), "session creations", common, registry);
        this.recreations = counter(names.sessionRecreations(), "expired sessions replaced by a new one", common,
                registry);
        this.flightJoins = counter(names.sessionFlightJoins(), "callers that joined a session creation in flight",
                common, registry);
        this.invalidations = counter(names.sessionInvalidations(), "tokens compared after a server rejection",
                common, registry);
        this.expirations = counter(names.sessionExpirations(), "sessions found gone", common, registry);
        this.destructions = counter(names.sessionDestructions(), "sessions destroyed", common, registry);
        this.replays = counter(names.reauthReplays(), "requests that met a session expiry", common, registry);
        this.logins = counter(names.logins(), "application sessions upgraded to user sessions", common, registry);
        this.logouts = counter(names.logouts(), "user sessions downgraded to application sessions", common,
                registry);
    }

    /** The {@code client.name} given in the options, or {@code null} to use the transport's name. */
    String clientNameOverride() {
        return clientNameOverride;
    }

    /** A start time for {@link #operation} or {@link #httpRequest}; {@link #NO_START} if the clock fails. */
    long start() {
        try {
            return clock.monotonicTime();
        } catch (RuntimeException e) {
            dropped("clock", e);
            return NO_START;
        }
    }

    void operation(long start, String operation, String sessionKind, String authMethod, String outcome,
                   String exception) {
        if (start == NO_START) {
            return;
        }
        try {
            operations.get(new OperationTags(operation, sessionKind, authMethod, outcome, exception))
                    .record(elapsed(start), TimeUnit.NANOSECONDS);
        } catch (RuntimeException e) {
            dropped(names.operations(), e);
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
        } catch (RuntimeException e) {
            dropped(names.httpClientRequests(), e);
        }
    }

    void sessionCreation(String sessionKind, String authMethod, String reason, String result) {
        increment(creations, names.sessionCreations(), SESSION_KIND, sessionKind, AUTH_METHOD, authMethod,
                REASON, reason, RESULT, result);
    }

    void sessionRecreation(String sessionKind) {
        increment(recreations, names.sessionRecreations(), SESSION_KIND, sessionKind);
    }

    void flightJoin(String sessionKind) {
        increment(flightJoins, names.sessionFlightJoins(), SESSION_KIND, sessionKind);
    }

    void invalidation(String outcome) {
        increment(invalidations, names.sessionInvalidations(), OUTCOME, outcome);
    }

    void expiration(String sessionKind) {
        increment(expirations, names.sessionExpirations(), SESSION_KIND, sessionKind);
    }

    void destruction(String sessionKind) {
        increment(destructions, names.sessionDestructions(), SESSION_KIND, sessionKind);
    }

    void replay(String method, String result) {
        increment(replays, names.reauthReplays(), METHOD, method, RESULT, result);
    }

    void login(String authMethod) {
        increment(logins, names.logins(), AUTH_METHOD, authMethod);
    }

    void logout() {
        increment(logouts, names.logouts());
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

    private static MeterProvider<Timer> timer(String name, String description, QbAuthMetricsOptions options,
                                              MeterRegistry registry) {
        return Timer.builder(name).description(description).tags(options.tags())
                .publishPercentileHistogram(options.publishPercentileHistogram())
                .serviceLevelObjectives(options.serviceLevelObjectives().toArray(Duration[]::new))
                .withRegistry(registry);
    }

    private static MeterProvider<Counter> counter(String name, String description, Tags common,
                                                  MeterRegistry registry) {
        return Counter.builder(name).description(description).tags(common).withRegistry(registry);
    }
}
