package io.qbauth;

import io.qbauth.config.QbAuthConfig;
import io.qbauth.config.ReauthPolicy;
import io.qbauth.config.RefreshPolicy;
import io.qbauth.config.SignatureAlgorithm;
import io.qbauth.domain.ConfigurationException;
import io.qbauth.event.AuthEventListener;
import io.qbauth.event.AuthInstrumentation;
import io.qbauth.spi.AuthTransport;
import io.qbauth.config.CredentialsSupplier;
import io.qbauth.spi.JsonCodec;
import io.qbauth.spi.SharedSessionStore;
import io.qbauth.config.SessionStore;
import io.qbauth.config.TransportConfig;
import io.qbauth.config.UserPoolConfig;
import io.qbauth.internal.wiring.Wiring;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Entry point of qbauth.
 *
 * <pre>{@code
 * QbAuthClient client = QbAuth.builder()
 *         .applicationId(12345).authKey("...").authSecret("...")
 *         .build();
 * User alice = client.blocking().login(Credentials.login("alice", "secret"));
 * }</pre>
 *
 * The transport and the JSON codec are found on the class path or module path ({@link java.util.ServiceLoader})
 * unless given explicitly; see {@link Builder#build()}.
 */
public final class QbAuth {

    private QbAuth() {
    }

    /** A new client builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builder of a {@link QbAuthClient}: every {@link QbAuthConfig} field, plus the adapters and hooks. Setters take no
     * {@code set} prefix; {@link #build()} validates.
     */
    public static final class Builder {
        private QbAuthConfig.Builder config = QbAuthConfig.builder();
        private AuthTransport transport;
        private JsonCodec codec;
        private final List<AuthEventListener> listeners = new ArrayList<>();
        private CredentialsSupplier credentialsSupplier;
        private SessionStore sessionStore;
        private SharedSessionStore sharedStore;
        private final List<UnaryOperator<AuthTransport>> transportDecorators = new ArrayList<>();
        private AuthInstrumentation instrumentation = AuthInstrumentation.none();

        private Builder() {
        }

        /** Starts from a prebuilt config (replacing every config field set so far). */
        public Builder config(QbAuthConfig value) {
            config = require(value, "config").toBuilder();
            return this;
        }

        /** See {@link QbAuthConfig.Builder#endpoint(URI)}. */
        public Builder endpoint(URI value) { config.endpoint(value); return this; }
        /** See {@link QbAuthConfig.Builder#allowPlainHttp(boolean)}. */
        public Builder allowPlainHttp(boolean value) { config.allowPlainHttp(value); return this; }
        /** See {@link QbAuthConfig.Builder#applicationId(long)}. */
        public Builder applicationId(long value) { config.applicationId(value); return this; }
        /** See {@link QbAuthConfig.Builder#authKey(String)}. */
        public Builder authKey(String value) { config.authKey(value); return this; }
        /** See {@link QbAuthConfig.Builder#authSecret(String)}. */
        public Builder authSecret(String value) { config.authSecret(value); return this; }
        /** See {@link QbAuthConfig.Builder#accountKey(String)}. */
        public Builder accountKey(String value) { config.accountKey(value); return this; }
        /** See {@link QbAuthConfig.Builder#apiKey(String)}. */
        public Builder apiKey(String value) { config.apiKey(value); return this; }
        /** See {@link QbAuthConfig.Builder#signatureAlgorithm(SignatureAlgorithm)}. */
        public Builder signatureAlgorithm(SignatureAlgorithm value) { config.signatureAlgorithm(value); return this; }
        /** See {@link QbAuthConfig.Builder#transportConfig(TransportConfig)}. */
        public Builder transportConfig(TransportConfig value) { config.transportConfig(value); return this; }
        /** See {@link QbAuthConfig.Builder#refreshPolicy(RefreshPolicy)}. */
        public Builder refreshPolicy(RefreshPolicy value) { config.refreshPolicy(value); return this; }
        /** See {@link QbAuthConfig.Builder#reauthPolicy(ReauthPolicy)}. */
        public Builder reauthPolicy(ReauthPolicy value) { config.reauthPolicy(value); return this; }
        /** See {@link QbAuthConfig.Builder#clock(Clock)}. */
        public Builder clock(Clock value) { config.clock(value); return this; }

        /** Uses this transport instead of discovering one. The client never closes it: its owner does. */
        public Builder transport(AuthTransport value) { transport = require(value, "transport"); return this; }

        /** Uses this JSON codec instead of discovering one. */
        public Builder codec(JsonCodec value) { codec = require(value, "codec"); return this; }

        /** Adds a listener of session lifecycle events (repeatable; called in the order added). */
        public Builder listener(AuthEventListener value) { listeners.add(require(value, "listener")); return this; }

        /**
         * Traces the client: every operation, session acquisition and creation, HTTP exchange and replay is started
         * and stopped on {@code value}, nested (e.g. {@code QbAuthObservations.instrumentation(observationRegistry)}
         * of auth-metrics). One per client: a second call replaces the first. Default
         * {@link AuthInstrumentation#none()}: nothing is built. A {@link UserPool} traces its acquisitions,
         * creations and exchanges, without an operation around them.
         */
        public Builder instrumentation(AuthInstrumentation value) {
            instrumentation = require(value, "instrumentation");
            return this;
        }

        /**
         * How to get user credentials again when a user session must be re-created. Without it, the credentials
         * last given to {@code login}/{@code createUserSession} are reused, and an adopted token is not re-created.
         */
        public Builder credentialsSupplier(CredentialsSupplier value) {
            credentialsSupplier = require(value, "credentialsSupplier");
            return this;
        }

        /** Where the session is kept across restarts (default {@link SessionStore#inMemory()}). */
        public Builder sessionStore(SessionStore value) { sessionStore = require(value, "sessionStore"); return this; }

        /**
         * Shares sessions with the other instances of a fleet through {@code store} (for instance
         * {@code RedisSessionStore} of {@code io.qbauth:auth-store-redis}; docs/FLEET.md): when this instance would
         * create a session, it first adopts one another instance published, or waits for the one another instance is
         * creating, or creates it under a lease and publishes it — so a fleet makes one creation per identity, not
         * one per instance. It applies to {@link #build()} (the client's application session; a user session from
         * {@code login} stays the instance's own) and to {@link #buildUserPool} (each pooled user's session).
         *
         * <p>The hot path never touches the store: a valid session in memory is used as it is. Identities are keyed
         * digests of the application's auth secret (every instance of the fleet must have the same one), never a
         * login in clear. The creation lease lasts the request timeout plus one second; the store may delay a
         * creation at most that lease plus one request timeout (a holder that died: its lease runs out, then one
         * instance creates for the fleet), after which the instance creates locally. When the store is
         * unavailable the client works on its own, says so once ({@code AuthEvent.SharedStoreUnavailable}, a WARNING
         * log line) and rejoins when it is back ({@code AuthEvent.SharedStoreRecovered}).
         *
         * <p>The application owns the store: the client or pool never closes it; close it after closing them. One
         * store may serve several clients and pools of the same application.
         *
         * @throws ConfigurationException if {@code store} is null
         */
        public Builder sharedStore(SharedSessionStore store) {
            sharedStore = require(store, "sharedStore");
            return this;
        }

        /**
         * Wraps the transport the client ends up with, given or discovered, e.g. to time every exchange (repeatable;
         * the first decorator added is the innermost). Ownership does not change: the client still never closes a
         * transport given to {@link #transport}, and still closes a discovered one by closing the decorator, so a
         * decorator's {@code close()} must delegate. A decorator that fails or returns {@code null} makes
         * {@link #build()} throw a {@link ConfigurationException}.
         */
        public Builder decorateTransport(UnaryOperator<AuthTransport> decorator) {
            transportDecorators.add(require(decorator, "transport decorator"));
            return this;
        }

        /**
         * Builds the client. The transport is the one given to {@link #transport}, else the provider named by the
         * system property {@code qbauth.transport} (its name or class name), else the only provider found; the codec
         * likewise ({@link #codec}, {@code qbauth.codec}, the only one).
         *
         * @throws ConfigurationException naming an invalid field, or saying which module to add (e.g.
         *                                {@code io.qbauth:auth-transport-jdk}) or which property to set when none or
         *                                several providers are found
         */
        public QbAuthClient build() {
            List<UnaryOperator<AuthTransport>> onTransport = List.copyOf(transportDecorators);
            return DefaultQbAuthClient.create(config.build(), transport, codec, List.copyOf(listeners),
                    credentialsSupplier, sessionStore != null ? sessionStore : SessionStore.inMemory(),
                    chosen -> decorate(chosen, onTransport, "transport"), sharedStore, instrumentation);
        }

        /**
         * Builds a {@link UserPool}: many users, each with its own session, on one transport, codec, signer and set of
         * listeners (see {@link UserPool}). Transport, codec, listeners and transport decorators apply as for
         * {@link #build()}; with a {@link #sharedStore}, each user's session is shared with the fleet.
         *
         * @throws ConfigurationException as {@link #build()}, if {@code poolConfig} is null, or if a
         *                                {@link #credentialsSupplier} or {@link #sessionStore} was set: in a pool each
         *                                user has its own ({@link UserPool#forUser(String,
         *                                io.qbauth.domain.AuthMethod, CredentialsSupplier)}), and sessions are kept
         *                                in memory only
         */
        public UserPool buildUserPool(UserPoolConfig poolConfig) {
            require(poolConfig, "poolConfig");
            if (credentialsSupplier != null) {
                throw new ConfigurationException("credentialsSupplier does not apply to a user pool: give each user "
                        + "its own with UserPool.forUser(key, method, supplier)");
            }
            if (sessionStore != null) {
                throw new ConfigurationException("sessionStore does not apply to a user pool: its sessions are kept "
                        + "in memory only");
            }
            List<UnaryOperator<AuthTransport>> onTransport = List.copyOf(transportDecorators);
            return UserPool.create(Wiring.create(config.build(), transport, codec, List.copyOf(listeners),
                    chosen -> decorate(chosen, onTransport, "transport"), sharedStore, instrumentation), poolConfig);
        }

        private static <T> T decorate(T target, List<UnaryOperator<T>> decorators, String what) {
            T current = target;
            for (UnaryOperator<T> decorator : decorators) {
                try {
                    current = decorator.apply(current);
                } catch (Throwable e) { // application code: any failure is a wiring failure, typed
                    throw new ConfigurationException("a " + what + " decorator failed: " + e.getClass().getSimpleName(),
                            e);
                }
                if (current == null) {
                    throw new ConfigurationException("a " + what + " decorator returned null");
                }
            }
            return current;
        }

        private static <T> T require(T value, String field) {
            if (value == null) {
                throw new ConfigurationException(field + " is required");
            }
            return value;
        }
    }
}
