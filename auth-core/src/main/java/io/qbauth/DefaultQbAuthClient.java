package io.qbauth;

import io.qbauth.config.QbAuthConfig;
import io.qbauth.domain.ApiRequest;
import io.qbauth.domain.ApiResponse;
import io.qbauth.domain.AuthMethod;
import io.qbauth.domain.ClientClosedException;
import io.qbauth.domain.ConfigurationException;
import io.qbauth.domain.Credentials;
import io.qbauth.domain.ErrorDetails;
import io.qbauth.domain.InvalidInputException;
import io.qbauth.domain.NewUser;
import io.qbauth.domain.ProtocolException;
import io.qbauth.domain.Session;
import io.qbauth.domain.SessionExpiredException;
import io.qbauth.domain.SessionKind;
import io.qbauth.domain.SessionToken;
import io.qbauth.domain.User;
import io.qbauth.internal.http.CredentialParams;
import io.qbauth.internal.http.ErrorClassifier;
import io.qbauth.internal.http.TimedResponse;
import io.qbauth.internal.http.QuickBloxHttp;
import io.qbauth.event.AuthEvent.Operation;
import io.qbauth.internal.session.ClientOperations;
import io.qbauth.internal.session.Identity;
import io.qbauth.internal.session.LiveSession;
import io.qbauth.internal.session.ReauthenticatingExecutor;
import io.qbauth.internal.session.SessionFactory;
import io.qbauth.internal.session.SingleFlightSessionCache;
import io.qbauth.internal.wiring.Wiring;
import io.qbauth.event.AuthEventListener;
import io.qbauth.event.AuthInstrumentation;
import io.qbauth.event.AuthScope;
import io.qbauth.spi.AuthTransport;
import io.qbauth.config.CredentialsSupplier;
import io.qbauth.spi.JsonCodec;
import io.qbauth.spi.SharedSessionStore;
import io.qbauth.config.SessionStore;
import io.qbauth.domain.ApiResponse;
import io.qbauth.spi.TransportSupport;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** The {@link QbAuthClient}: the session use cases on top of the internal session machinery. */
final class DefaultQbAuthClient implements QbAuthClient {

    private static final Identity APPLICATION = Identity.APPLICATION;

    private final Wiring wiring;
    private final QbAuthConfig config;
    private final AuthTransport transport;
    private final JsonCodec codec;
    private final QuickBloxHttp http;
    private final ErrorClassifier classifier;
    private final SessionFactory sessions;
    private final SingleFlightSessionCache cache;
    private final ReauthenticatingExecutor executor;
    private final CredentialsSupplier configuredSupplier;
    private final ClientOperations operations;
    private final AtomicBoolean closed = new AtomicBoolean();

    private DefaultQbAuthClient(Wiring wiring, CredentialsSupplier configuredSupplier, SessionStore store,
                                Optional<Session> stored) {
        this.wiring = wiring;
        this.config = wiring.config();
        this.transport = wiring.transport();
        this.codec = wiring.codec();
        this.configuredSupplier = configuredSupplier;
        this.classifier = wiring.classifier();
        this.http = wiring.http();
        this.sessions = wiring.sessions();
        LiveSession initial = stored.filter(s -> s.applicationId() == config.applicationId())
                .filter(s -> s.expiresAt().isAfter(config.clock().instant()))
                .map(DefaultQbAuthClient::asAdopted).map(LiveSession::new).orElse(null);
        Identity identity = initial == null || initial.kind() == SessionKind.APPLICATION
                ? APPLICATION : adoptedIdentity(SessionKind.USER);
        this.cache = wiring.cache(identity, initial, store);
        this.executor = wiring.executor(cache);
        this.operations = new ClientOperations(wiring.events(),
                () -> cache.current().map(LiveSession::kind).orElse(null), wiring.http().tracing());
    }

    /**
     * Wires a client: the given adapters, else discovered ones, the transport wrapped by {@code decorateTransport};
     * the client owns (closes) the transport only if it discovered it (see {@link Wiring#create}); it never closes
     * {@code sharedStore} (null: sessions are not shared).
     */
    static QbAuthClient create(QbAuthConfig config, AuthTransport transport, JsonCodec codec,
                               List<AuthEventListener> listeners, CredentialsSupplier credentialsSupplier,
                               SessionStore sessionStore, UnaryOperator<AuthTransport> decorateTransport,
                               SharedSessionStore sharedStore) {
        return create(config, transport, codec, listeners, credentialsSupplier, sessionStore, decorateTransport,
                sharedStore, AuthInstrumentation.none());
    }

    /** As the other {@code create}, traced through {@code instrumentation}. */
    static QbAuthClient create(QbAuthConfig config, AuthTransport transport, JsonCodec codec,
                               List<AuthEventListener> listeners, CredentialsSupplier credentialsSupplier,
                               SessionStore sessionStore, UnaryOperator<AuthTransport> decorateTransport,
                               SharedSessionStore sharedStore, AuthInstrumentation instrumentation) {
        Optional<Session> stored;
        try {
            stored = sessionStore.load();
        } catch (Throwable e) { // application code
            throw new ConfigurationException("the SessionStore failed to load: " + e.getClass().getSimpleName(), e);
        }
        Wiring wiring = Wiring.create(config, transport, codec, listeners, decorateTransport, sharedStore,
                instrumentation);
        return new DefaultQbAuthClient(wiring, credentialsSupplier, sessionStore,
                stored == null ? Optional.empty() : stored);
    }

    /** The blocking view, refusing the threads the transport says must not block (a Vert.x event loop). */
    @Override
    public BlockingQbAuthClient blocking() {
        return new BlockingQbAuthClient(this, transport::currentThreadMustNotBlock);
    }

    @Override
    public CompletionStage<Session> createApplicationSession() {
        return guarded(Operation.CREATE_APPLICATION_SESSION, null,
                scope -> cache.create(APPLICATION, APPLICATION, sessions::createApplication, scope)
                        .thenApply(LiveSession::snapshot));
    }

    @Override
    public CompletionStage<Session> createUserSession(Credentials credentials) {
        return guarded(Operation.CREATE_USER_SESSION, methodOf(credentials), scope -> {
            require(credentials, "credentials");
            return cache.create(userIdentity(credentials), credentials,
                            creation -> sessions.createUser(credentials, creation), scope)
                    .thenApply(LiveSession::snapshot);
        });
    }

    @Override
    public CompletionStage<Session> getSession() {
        ApiRequest request = ApiRequest.get(QuickBloxHttp.SESSION_PATH);
        return guarded(Operation.GET_SESSION, null, scope -> cache.acquire(scope)
                .thenCompose(live -> executor.executeWith(request, live, scope)
                        .thenApply(exchange -> sessions.describe(live.token(), exchange, live.snapshot().origin(),
                                request))));
    }

    @Override
    public CompletionStage<User> signUp(NewUser user) {
        return guarded(Operation.SIGN_UP, null, scope -> {
            require(user, "user");
            ApiRequest request = ApiRequest.post(QuickBloxHttp.USERS_PATH).formBody(CredentialParams.forSignUp(user));
            return executor.execute(request, scope).thenApply(exchange -> readUser(request, exchange));
        });
    }

    @Override
    public CompletionStage<User> signUpWithApiKey(NewUser user) {
        return guarded(Operation.SIGN_UP_WITH_API_KEY, null, scope -> {
            require(user, "user");
            String apiKey = config.apiKey().orElseThrow(() -> new ConfigurationException(
                    "apiKey is not configured: set it with QbAuth.builder().apiKey(...)"));
            ApiRequest request = ApiRequest.post(QuickBloxHttp.USERS_PATH)
                    .header("Authorization", "ApiKey " + apiKey)
                    .jsonBody(codec.write(CredentialParams.forSignUpJson(user)));
            return http.send(request, null, scope, false).thenApply(exchange -> {
                if (!exchange.response().isSuccess()) {
                    throw classifier.classify(request, exchange.response());
                }
                return readUser(request, exchange);
            });
        });
    }

    @Override
    public CompletionStage<User> login(Credentials credentials) {
        return guarded(Operation.LOGIN, methodOf(credentials), scope -> {
            require(credentials, "credentials");
            // a login turns its application session into the user's on the server: never the fleet's shared one
            CompletableFuture<LiveSession> base = wiring.fleet() != null ? newApplicationSession(scope)
                    : cache.usable().map(CompletableFuture::completedFuture)
                            .orElseGet(() -> newApplicationSession(scope));
            return base.thenCompose(live -> logIn(credentials, live, scope))
                    .exceptionallyCompose(failure -> {
                        Throwable cause = TransportSupport.unwrap(failure);
                        return cause instanceof SessionExpiredException
                                // the session died under the login: once more on a fresh application session
                                ? newApplicationSession(scope).thenCompose(live -> logIn(credentials, live, scope))
                                : CompletableFuture.failedFuture(cause);
                    });
        });
    }

    @Override
    public CompletionStage<Void> logout() {
        return guarded(Operation.LOGOUT, null, scope -> cache.beginLogout().map(live -> executor
                        .executeWith(ApiRequest.delete(QuickBloxHttp.LOGIN_PATH), live, scope)
                        .handle((exchange, failure) -> {
                            cache.endLogout(live, failure == null);
                            return failUnlessSessionGone(failure);
                        }))
                .orElseGet(() -> CompletableFuture.completedFuture(null)));
    }

    @Override
    public CompletionStage<Void> destroySession() {
        return guarded(Operation.DESTROY_SESSION, null, scope -> cache.beginDestroy().map(live -> executor
                        .executeWith(ApiRequest.delete(QuickBloxHttp.SESSION_PATH), live, scope)
                        .handle((exchange, failure) -> {
                            Void done = failUnlessSessionGone(failure);
                            cache.endDestroy(live);
                            return done;
                        }))
                .orElseGet(() -> CompletableFuture.completedFuture(null)));
    }

    @Override
    public CompletionStage<Session> startSessionWithToken(String token) {
        return guarded(Operation.START_WITH_TOKEN, AuthMethod.TOKEN,
                scope -> sessions.adopt(new SessionToken(token), scope).thenApply(live -> {
                    cache.adopt(adoptedIdentity(live.kind()), live);
                    return live.snapshot();
                }));
    }

    @Override
    public Optional<Session> currentSession() {
        return cache.current().map(LiveSession::snapshot);
    }

    @Override
    public CompletionStage<ApiResponse> execute(ApiRequest request) {
        return guarded(Operation.EXECUTE, null, scope -> {
            require(request, "request");
            return executor.execute(request, scope).thenApply(TimedResponse::response); // the transport's own reply
        });
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        cache.close(new ClientClosedException("the client is closed"));
        wiring.closeTransport();
    }

    @Override
    public String toString() {
        return "QbAuthClient[" + config + ", transport=" + transport.name() + ", codec=" + codec.name() + "]";
    }

    private CompletableFuture<LiveSession> newApplicationSession(AuthScope parent) {
        return cache.create(APPLICATION, APPLICATION, sessions::createApplication, parent);
    }

    /** {@code POST /login.json} on {@code live}; on success the same token becomes the user's session. */
    private CompletableFuture<User> logIn(Credentials credentials, LiveSession live, AuthScope parent) {
        ApiRequest request = ApiRequest.post(QuickBloxHttp.LOGIN_PATH).formBody(CredentialParams.forLogin(credentials));
        return executor.executeWith(request, live, parent).thenApply(exchange -> {
            User user = readUser(request, exchange);
            if (user.id() <= 0) {
                throw new ProtocolException("POST /login.json returned a user without an id",
                        exchange.response().status(), ErrorDetails.NONE);
            }
            cache.upgrade(userIdentity(credentials), live, user.id());
            return user;
        });
    }

    private User readUser(ApiRequest request, TimedResponse exchange) {
        return classifier.read(request, null, () -> codec.readUser(exchange.response().body(),
                exchange.response().status()));
    }

    private Identity userIdentity(Credentials credentials) {
        return new Identity.User(credentials.method(),
                configuredSupplier != null ? configuredSupplier : CredentialsSupplier.of(credentials));
    }

    private Identity adoptedIdentity(SessionKind kind) {
        if (configuredSupplier == null) {
            return new Identity.Adopted(kind);
        }
        return kind == SessionKind.APPLICATION
                ? APPLICATION
                : new Identity.User(AuthMethod.TOKEN, configuredSupplier);
    }

    private static Session asAdopted(Session stored) {
        return new Session(stored.token(), stored.kind(), stored.applicationId(), stored.userId(), stored.sessionId(),
                stored.createdAt(), stored.expiresAt(), Session.Origin.ADOPTED);
    }

    /**
     * Runs {@code body}, the whole of {@code operation}, unless the client is closed (see {@link ClientOperations}:
     * anything it throws becomes the failed stage; listeners hear of its completion).
     */
    private <T> CompletionStage<T> guarded(Operation operation, AuthMethod method,
                                           Function<AuthScope, CompletableFuture<T>> body) {
        if (closed.get()) { // a closed client fails every call, and listeners still hear of it
            return operations.run(operation, method, DefaultQbAuthClient::closedFailure);
        }
        return operations.run(operation, method, body);
    }

    private static <T> CompletableFuture<T> closedFailure(AuthScope scope) {
        return CompletableFuture.failedFuture(new ClientClosedException("the client is closed"));
    }

    private static AuthMethod methodOf(Credentials credentials) {
        return credentials == null ? null : credentials.method();
    }

    private static void require(Object value, String name) {
        if (value == null) {
            throw new InvalidInputException(name + " is required");
        }
    }

    /** Ending a session the server no longer knows has succeeded; any other failure is passed on. */
    private static Void failUnlessSessionGone(Throwable failure) {
        if (failure != null && !(TransportSupport.unwrap(failure) instanceof SessionExpiredException)) {
            throw new CompletionException(TransportSupport.unwrap(failure));
        }
        return null;
    }
}
