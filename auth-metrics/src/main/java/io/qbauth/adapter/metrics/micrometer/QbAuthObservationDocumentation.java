package io.qbauth.adapter.metrics.micrometer;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observations of a qbauth client, documented as code: names, and the keys of each. Every low-cardinality value
 * is bounded (an enum, a fixed set, an exception's simple class name, the URI template); the only high-cardinality
 * keys are the request URL without its query ({@code http.url}) and the number of the session creation an
 * acquisition started or joined. No token, password, secret, login or user id is ever a key value.
 *
 * <p>The names start with {@value #PREFIX}, which no meter of {@link QbAuthMetrics} does: a
 * {@code DefaultMeterObservationHandler} on the same registry makes timers of them that never clash with those meters.
 */
public enum QbAuthObservationDocumentation implements ObservationDocumentation {

    /** A {@code QbAuthClient} method, from the call to the completion of its stage. The root of the others. */
    OPERATION {
        @Override
        public String getName() {
            return QbAuthObservations.OPERATION;
        }

        @Override
        public KeyName[] getLowCardinalityKeyNames() {
            return new KeyName[] {LowKeys.OPERATION, LowKeys.SESSION_KIND, LowKeys.AUTH_METHOD, LowKeys.OUTCOME,
                LowKeys.EXCEPTION, LowKeys.CLIENT_NAME};
        }
    },

    /**
     * A caller getting its session: {@code outcome} is {@code cached}, {@code created} (the creation is its child),
     * {@code joined} (it waited for a creation another caller had started: {@code qbauth.session.creation.id} names
     * it) or {@code failed}.
     */
    SESSION_ACQUISITION {
        @Override
        public String getName() {
            return QbAuthObservations.SESSION_ACQUISITION;
        }

        @Override
        public KeyName[] getLowCardinalityKeyNames() {
            return new KeyName[] {LowKeys.SESSION_KIND, LowKeys.OUTCOME, LowKeys.EXCEPTION, LowKeys.CLIENT_NAME};
        }

        @Override
        public KeyName[] getHighCardinalityKeyNames() {
            return new KeyName[] {HighKeys.CREATION_ID};
        }
    },

    /** A session creation ({@code POST /session.json}), under the acquisition or operation that started it. */
    SESSION_CREATION {
        @Override
        public String getName() {
            return QbAuthObservations.SESSION_CREATION;
        }

        @Override
        public KeyName[] getLowCardinalityKeyNames() {
            return new KeyName[] {LowKeys.SESSION_KIND, LowKeys.AUTH_METHOD, LowKeys.REASON, LowKeys.OUTCOME,
                LowKeys.EXCEPTION, LowKeys.CLIENT_NAME};
        }

        @Override
        public KeyName[] getHighCardinalityKeyNames() {
            return new KeyName[] {HighKeys.CREATION_ID};
        }
    },

    /** One HTTP exchange, client side ({@link HttpExchangeContext}). */
    HTTP_EXCHANGE {
        @Override
        public String getName() {
            return QbAuthObservations.HTTP_EXCHANGE;
        }

        @Override
        public KeyName[] getLowCardinalityKeyNames() {
            return new KeyName[] {LowKeys.METHOD, LowKeys.URI, LowKeys.STATUS, LowKeys.OUTCOME, LowKeys.EXCEPTION,
                LowKeys.CLIENT_NAME, LowKeys.TRANSPORT, LowKeys.REPLAY};
        }

        @Override
        public KeyName[] getHighCardinalityKeyNames() {
            return new KeyName[] {HighKeys.HTTP_URL};
        }
    },

    /**
     * The resend of a request after the server said "Required session does not exist": holds the acquisition of
     * the new session and the resent exchange ({@code replay=true}).
     */
    REQUEST_REPLAY {
        @Override
        public String getName() {
            return QbAuthObservations.REQUEST_REPLAY;
        }

        @Override
        public KeyName[] getLowCardinalityKeyNames() {
            return new KeyName[] {LowKeys.METHOD, LowKeys.RESULT, LowKeys.OUTCOME, LowKeys.EXCEPTION,
                LowKeys.CLIENT_NAME};
        }
    };

    /** The prefix of every qbauth observation name. */
    public static final String PREFIX = "qbauth.client.";

    @Override
    public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
        return DefaultQbAuthObservationConvention.class;
    }

    @Override
    public String getPrefix() {
        return PREFIX;
    }

    /** The low-cardinality keys (tags of the timers a meter handler makes, attributes of the spans). */
    public enum LowKeys implements KeyName {
        /** The client method: {@code create_session}, {@code login}, {@code api_call}, ... (as on {@code qbauth.operations}). */
        OPERATION("operation"),
        /** {@code application}, {@code user}, {@code none}. */
        SESSION_KIND("session.kind"),
        /** {@code none}, {@code login}, {@code email}, {@code facebook}, {@code firebase_phone}, {@code custom}, {@code token}, {@code api_key}. */
        AUTH_METHOD("auth.method"),
        /**
         * Operations, creations, replays: {@code success}, {@code failure}. Acquisitions: {@code cached},
         * {@code created}, {@code joined}, {@code failed}. HTTP: Micrometer's {@code SUCCESS}, {@code CLIENT_ERROR},
         * {@code SERVER_ERROR}, ..., {@code UNKNOWN} without a reply.
         */
        OUTCOME("outcome"),
        /** {@code none}, or the failure's simple class name ({@code other} for an operation's non-SDK failure). */
        EXCEPTION("exception"),
        /** The client's name ({@link ObservationInstrumentation#clientName(String)}), default {@code qbauth}. */
        CLIENT_NAME("client.name"),
        /** The HTTP method ({@code OTHER} for a non-standard one). */
        METHOD("method"),
        /** The request's URI template ({@code /users/{id}.json}), else a guessed one, else {@code UNKNOWN}. */
        URI("uri"),
        /** The HTTP status, {@code IO_ERROR} or {@code CLIENT_ERROR} without a reply. */
        STATUS("status"),
        /** The transport's name ({@code jdk}, {@code vertx}) when short and plain, else {@code unknown}. */
        TRANSPORT("transport"),
        /** {@code true} for the resend of a request after a session re-creation. */
        REPLAY("replay"),
        /** Why a session is created: {@code initial}, {@code expired_locally}, {@code rejected_by_server}, {@code prefetch}, {@code explicit}. */
        REASON("reason"),
        /** What happened to a request that met a session expiry: {@code replayed}, {@code skipped_not_replayable}, {@code failed}. */
        RESULT("result");

        private final String key;

        LowKeys(String key) {
            this.key = key;
        }

        @Override
        public String asString() {
            return key;
        }
    }

    /** The high-cardinality keys (span attributes only, never timer tags). */
    public enum HighKeys implements KeyName {
        /** The request URL: scheme, host, port and path; never the query, the fragment or user info. */
        HTTP_URL("http.url"),
        /**
         * The number (in this process) of the session creation an acquisition started or joined, and of the creation
         * itself: find the creation a joiner waited for by this attribute.
         */
        CREATION_ID("qbauth.session.creation.id");

        private final String key;

        HighKeys(String key) {
            this.key = key;
        }

        @Override
        public String asString() {
            return key;
        }
    }
}
