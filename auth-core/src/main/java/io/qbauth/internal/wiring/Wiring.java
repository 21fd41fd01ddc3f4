package io.qbauth.internal.wiring;

import io.qbauth.config.QbAuthConfig;
import io.qbauth.config.SessionStore;
import io.qbauth.event.AuthEventListener;
import io.qbauth.event.AuthInstrumentation;
import io.qbauth.internal.http.ErrorClassifier;
import io.qbauth.internal.http.QuickBloxHttp;
import io.qbauth.internal.http.Redactor;
import io.qbauth.internal.http.Tracing;
import io.qbauth.internal.loader.ProviderLoader;
import io.qbauth.internal.session.Events;
import io.qbauth.internal.session.Identity;
import io.qbauth.internal.session.LiveSession;
import io.qbauth.internal.session.ReauthenticatingExecutor;
import io.qbauth.internal.session.SessionFactory;
import io.qbauth.internal.session.SessionSource;
import io.qbauth.internal.session.SingleFlightSessionCache;
import io.qbauth.internal.signing.RequestSigner;
import io.qbauth.spi.AuthTransport;
import io.qbauth.spi.FleetIdentity;
import io.qbauth.spi.JsonCodec;
import io.qbauth.spi.SharedSessionStore;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What every session of one configured application shares: one transport (and whether it is owned), one codec, one
 * signer, one HTTP pipeline and error classifier, one session factory and one set of listeners. A
 * {@code QbAuthClient} wires one session cache to it; a {@code UserPool} wires one per user. Immutable and
 * thread-safe.
 *
 * @param config        the application's settings
 * @param transport     the transport, decorated
 * @param ownsTransport whether {@link #closeTransport()} closes it (only a discovered one: a given one has an owner)
 * @param codec         the JSON codec
 * @param classifier    maps replies to the {@code AuthException} tree
 * @param http          sends signed and authenticated requests
 * @param sessions      creates, checks and discards sessions
 * @param events        the listeners
 * @param fleet         how sessions are shared with a fleet through a store, or null when they are not
 */
public record Wiring(QbAuthConfig config, AuthTransport transport, boolean ownsTransport, JsonCodec codec,
                     ErrorClassifier classifier, QuickBloxHttp http, SessionFactory sessions, Events events,
                     Fleet fleet) {

    private static final System.Logger LOG = System.getLogger(Wiring.class.getName());

    /**
     * Wires the given adapters, else discovered ones (the codec first, so a failure leaks nothing), the transport
     * wrapped by {@code decorateTransport}; the transport is owned only if it was discovered. With a
     * {@code sharedStore} (null: none), sessions are shared with the fleet through it; it is never closed here.
     */
    public static Wiring create(QbAuthConfig config, AuthTransport transport, JsonCodec codec,
                                List<AuthEventListener> listeners, UnaryOperator<AuthTransport> decorateTransport,
                                SharedSessionStore sharedStore) {
        return create(config, transport, codec, listeners, decorateTransport, sharedStore,
                AuthInstrumentation.none());
    }

    /**
     * As {@link #create(QbAuthConfig, AuthTransport, JsonCodec, List, UnaryOperator, SharedSessionStore)}, every
     * operation, acquisition, creation, exchange and replay traced through {@code instrumentation}.
     */
    public static Wiring create(QbAuthConfig config, AuthTransport transport, JsonCodec codec,
                                List<AuthEventListener> listeners, UnaryOperator<AuthTransport> decorateTransport,
                                SharedSessionStore sharedStore, AuthInstrumentation instrumentation) {
        ProviderLoader loader = ProviderLoader.standard();
        JsonCodec chosenCodec = codec != null ? codec : loader.codec();
        AuthTransport chosenTransport = transport != null ? transport : loader.transport(config.transportConfig());
        AuthTransport decorated;
        try {
            decorated = decorateTransport.apply(chosenTransport);
        } catch (Throwable e) { // application code: close what we own whatever it throws
            if (transport == null) {
                chosenTransport.close();
            }
            throw e;
        }
        ErrorClassifier classifier = new ErrorClassifier(chosenCodec, config.clock(), new Redactor(config));
        QuickBloxHttp http = new QuickBloxHttp(config, decorated, chosenCodec, classifier,
                Tracing.of(instrumentation));
        SessionFactory sessions = new SessionFactory(config, http, chosenCodec, classifier, RequestSigner.of(config));
        Events events = new Events(listeners);
        return new Wiring(config, decorated, transport == null, chosenCodec, classifier, http, sessions, events,
                sharedStore == null ? null : new Fleet(config, sharedStore, events));
    }

    /**
     * A client's session cache for {@code identity}, starting with {@code initial} (null for none), keeping it in
     * {@code store}; with a fleet, the application's session is shared (a user session of a client is not: it
     * starts from a login on that client's own application session).
     */
    public SingleFlightSessionCache cache(Identity identity, LiveSession initial, SessionStore store) {
        SessionSource source = fleet == null ? sessions : fleet.source(sessions,
                shared -> shared instanceof Identity.Application ? fleet.application() : null);
        return new SingleFlightSessionCache(config.refreshPolicy(), config.clock(), source, events, store, identity,
                initial, http.tracing());
    }

    /**
     * A pooled user's session cache for {@code identity}, starting empty, keeping it in {@code store}; with a fleet,
     * shared under {@code fleetKey} (the user's identity key: see {@link Fleet#identity}).
     */
    public SingleFlightSessionCache userCache(Identity.User identity, SessionStore store, String fleetKey) {
        SessionSource source = sessions;
        if (fleet != null) {
            FleetIdentity shared = fleet.identity(fleetKey);
            source = fleet.source(sessions, user -> user instanceof Identity.User ? shared : null);
        }
        return new SingleFlightSessionCache(config.refreshPolicy(), config.clock(), source, events, store, identity,
                null, http.tracing());
    }

    /** The re-authenticating executor of {@code cache}'s session. */
    public ReauthenticatingExecutor executor(SingleFlightSessionCache cache) {
        return new ReauthenticatingExecutor(cache, http, classifier, config.reauthPolicy(),
                config.refreshPolicy().fallbackTtl(), events, http.tracing());
    }

    /** Closes the transport if it is owned; a failure is logged, never thrown. */
    public void closeTransport() {
        if (!ownsTransport) {
            return;
        }
        try {
            transport.close();
        } catch (Throwable e) {
            LOG.log(System.Logger.Level.WARNING, () -> "closing the transport " + transport.name() + " failed", e);
        }
    }
}
