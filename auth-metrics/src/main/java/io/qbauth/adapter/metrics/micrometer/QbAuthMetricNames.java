package io.qbauth.adapter.metrics.micrometer;

import io.qbauth.domain.ConfigurationException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The names of the qbauth meters, in Micrometer's dotted form (a registry's naming convention turns
 * {@code qbauth.operations} into Prometheus {@code qbauth_operations_seconds}). Immutable; {@link #ofDefaults()},
 * {@link #custom()} or {@link #from(QbAuthMetricNames)}.
 *
 * <p>The defaults carry a {@code qbauth.} prefix so they never mix with an application's own
 * {@code http.client.requests}.
 */
public final class QbAuthMetricNames {

    /** Timer of every client operation. */
    public static final String DEFAULT_OPERATIONS = "qbauth.operations";
    /** Timer of every HTTP exchange. */
    public static final String DEFAULT_HTTP_CLIENT_REQUESTS = "qbauth.http.client.requests";
    /** Counter of session creations, successful or not. */
    public static final String DEFAULT_SESSION_CREATIONS = "qbauth.session.creations";
    /** Counter of expired sessions replaced by a new one. */
    public static final String DEFAULT_SESSION_RECREATIONS = "qbauth.session.recreations";
    /** Counter of callers that joined a session creation already in flight. */
    public static final String DEFAULT_SESSION_FLIGHT_JOINS = "qbauth.session.flight.joins";
    /** Counter of compare-and-invalidate steps after the server rejected a token. */
    public static final String DEFAULT_SESSION_INVALIDATIONS = "qbauth.session.invalidations";
    /** Counter of sessions found gone (server rejection or local expiry). */
    public static final String DEFAULT_SESSION_EXPIRATIONS = "qbauth.session.expirations";
    /** Counter of sessions ended with {@code destroySession}. */
    public static final String DEFAULT_SESSION_DESTRUCTIONS = "qbauth.session.destructions";
    /** Counter of requests that met a session expiry, by what happened to them. */
    public static final String DEFAULT_REAUTH_REPLAYS = "qbauth.reauth.replays";
    /** Counter of application sessions upgraded to user sessions. */
    public static final String DEFAULT_LOGINS = "qbauth.logins";
    /** Counter of user sessions downgraded to application sessions. */
    public static final String DEFAULT_LOGOUTS = "qbauth.logouts";

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(?:[._][a-z0-9]+)*");
    private static final QbAuthMetricNames DEFAULTS = custom().build();

    private final String operations;
    private final String httpClientRequests;
    private final String sessionCreations;
    private final String sessionRecreations;
    private final String sessionFlightJoins;
    private final String sessionInvalidations;
    private final String sessionExpirations;
    private final String sessionDestructions;
    private final String reauthReplays;
    private final String logins;
    private final String logouts;

    private QbAuthMetricNames(Builder b) {
        operations = b.operations;
        httpClientRequests = b.httpClientRequests;
        sessionCreations = b.sessionCreations;
        sessionRecreations = b.sessionRecreations;
        sessionFlightJoins = b.sessionFlightJoins;
        sessionInvalidations = b.sessionInvalidations;
        sessionExpirations = b.sessionExpirations;
        sessionDestructions = b.sessionDestructions;
        reauthReplays = b.reauthReplays;
        logins = b.logins;
        logouts = b.logouts;
        validate();
    }

    /** The {@code DEFAULT_*} names. */
    public static QbAuthMetricNames ofDefaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder custom() {
        return new Builder();
    }

    /** A builder starting from {@code base}. */
    public static Builder from(QbAuthMetricNames base) {
        if (base == null) {
            throw new ConfigurationException("base is required");
        }
        return new Builder().operations(base.operations).httpClientRequests(base.httpClientRequests)
                .sessionCreations(base.sessionCreations).sessionRecreations(base.sessionRecreations)
                .sessionFlightJoins(base.sessionFlightJoins).sessionInvalidations(base.sessionInvalidations)
                .sessionExpirations(base.sessionExpirations).sessionDestructions(base.sessionDestructions)
                .reauthReplays(base.reauthReplays).logins(base.logins).logouts(base.logouts);
    }

    /** Timer: every {@code QbAuthClient} operation. */
    public String operations() {
        return operations;
    }

    /** Timer: every HTTP exchange of the transport. */
    public String httpClientRequests() {
        return httpClientRequests;
    }

    /** Counter: session creations. */
    public String sessionCreations() {
        return sessionCreations;
    }

    /** Counter: expired sessions replaced by a new one. */
    public String sessionRecreations() {
        return sessionRecreations;
    }

    /** Counter: callers that joined a creation in flight. */
    public String sessionFlightJoins() {
        return sessionFlightJoins;
    }

    /** Counter: compare-and-invalidate steps. */
    public String sessionInvalidations() {
        return sessionInvalidations;
    }

    /** Counter: sessions found gone. */
    public String sessionExpirations() {
        return sessionExpirations;
    }

    /** Counter: sessions destroyed. */
    public String sessionDestructions() {
        return sessionDestructions;
    }

    /** Counter: requests that met a session expiry. */
    public String reauthReplays() {
        return reauthReplays;
    }

    /** Counter: logins. */
    public String logins() {
        return logins;
    }

    /** Counter: logouts. */
    public String logouts() {
        return logouts;
    }

    @Override
    public String toString() {
        Map<String, String> all = new LinkedHashMap<>(timers());
        all.putAll(counters());
        return "QbAuthMetricNames" + all;
    }

    private Map<String, String> timers() {
        Map<String, String> timers = new LinkedHashMap<>();
        timers.put("operations", operations);
        timers.put("httpClientRequests", httpClientRequests);
        return timers;
    }

    private Map<String, String> counters() {
        Map<String, String> counters = new LinkedHashMap<>();
        counters.put("sessionCreations", sessionCreations);
        counters.put("sessionRecreations", sessionRecreations);
        counters.put("sessionFlightJoins", sessionFlightJoins);
        counters.put("sessionInvalidations", sessionInvalidations);
        counters.put("sessionExpirations", sessionExpirations);
        counters.put("sessionDestructions", sessionDestructions);
        counters.put("reauthReplays", reauthReplays);
        counters.put("logins", logins);
        counters.put("logouts", logouts);
        return counters;
    }

    /** Names are dotted lower case, distinct even once dots become underscores, and counters do not end in total. */
    private void validate() {
        Map<String, String> fieldByExportedName = new HashMap<>();
        timers().forEach((field, name) -> check(field, name, fieldByExportedName));
        counters().forEach((field, name) -> {
            check(field, name, fieldByExportedName);
            if (name.endsWith(".total") || name.endsWith("_total")) {
                throw new ConfigurationException(field + " must not end in total: Prometheus adds _total itself");
            }
        });
    }

    private static void check(String field, String name, Map<String, String> fieldByExportedName) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new ConfigurationException(field + " must be lower-case words separated by dots");
        }
        String clash = fieldByExportedName.putIfAbsent(name.replace('.', '_'), field);
        if (clash != null) {
            throw new ConfigurationException(field + " has the same exported name as " + clash);
        }
    }

    /** Builder of {@link QbAuthMetricNames}; {@link #build()} validates. */
    public static final class Builder {
        private String operations = DEFAULT_OPERATIONS;
        private String httpClientRequests = DEFAULT_HTTP_CLIENT_REQUESTS;
        private String sessionCreations = DEFAULT_SESSION_CREATIONS;
        private String sessionRecreations = DEFAULT_SESSION_RECREATIONS;
        private String sessionFlightJoins = DEFAULT_SESSION_FLIGHT_JOINS;
        private String sessionInvalidations = DEFAULT_SESSION_INVALIDATIONS;
        private String sessionExpirations = DEFAULT_SESSION_EXPIRATIONS;
        private String sessionDestructions = DEFAULT_SESSION_DESTRUCTIONS;
        private String reauthReplays = DEFAULT_REAUTH_REPLAYS;
        private String logins = DEFAULT_LOGINS;
        private String logouts = DEFAULT_LOGOUTS;

        private Builder() {
        }

        public Builder operations(String value) { operations = value; return this; }
        public Builder httpClientRequests(String value) { httpClientRequests = value; return this; }
        public Builder sessionCreations(String value) { sessionCreations = value; return this; }
        public Builder sessionRecreations(String value) { sessionRecreations = value; return this; }
        public Builder sessionFlightJoins(String value) { sessionFlightJoins = value; return this; }
        public Builder sessionInvalidations(String value) { sessionInvalidations = value; return this; }
        public Builder sessionExpirations(String value) { sessionExpirations = value; return this; }
        public Builder sessionDestructions(String value) { sessionDestructions = value; return this; }
        public Builder reauthReplays(String value) { reauthReplays = value; return this; }
        public Builder logins(String value) { logins = value; return this; }
        public Builder logouts(String value) { logouts = value; return this; }

        /**
         * Builds the names.
         *
         * @throws ConfigurationException naming the field whose name is missing, not dotted lower case, a counter
         *                                ending in {@code total}, or exported the same as another one
         */
        public QbAuthMetricNames build() {
            return new QbAuthMetricNames(this);
        }
    }
}
