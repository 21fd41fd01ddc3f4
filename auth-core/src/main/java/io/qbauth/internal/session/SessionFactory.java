package io.qbauth.internal.session;

import io.qbauth.config.QbAuthConfig;
import io.qbauth.domain.ApiRequest;
import io.qbauth.domain.AuthException;
import io.qbauth.domain.Credentials;
import io.qbauth.domain.ErrorDetails;
import io.qbauth.domain.InvalidInputException;
import io.qbauth.domain.ProtocolException;
import io.qbauth.domain.Session;
import io.qbauth.domain.SessionExpiredException;
import io.qbauth.domain.SessionKind;
import io.qbauth.domain.SessionToken;
import io.qbauth.event.AuthScope;
import io.qbauth.internal.http.CredentialParams;
import io.qbauth.internal.http.ErrorClassifier;
import io.qbauth.internal.http.TimedResponse;
import io.qbauth.internal.http.ExpiryHeaders;
import io.qbauth.internal.http.QuickBloxHttp;
import io.qbauth.internal.signing.RequestSigner;
import io.qbauth.config.CredentialsSupplier;
import io.qbauth.spi.JsonCodec;
import io.qbauth.spi.SessionPayload;
import io.qbauth.domain.ApiResponse;
import io.qbauth.spi.TransportSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Creates sessions ({@code POST /session.json}, signed), checks adopted tokens ({@code GET /session.json}) and
 * discards superseded sessions ({@code DELETE /session.json}).
 */
public final class SessionFactory implements SessionSource {

    private static final System.Logger LOG = System.getLogger(SessionFactory.class.getName());

    private final QuickBloxHttp http;
    private final JsonCodec codec;
    private final ErrorClassifier classifier;
    private final RequestSigner signer;
    private final Duration fallbackTtl;
    private final Duration supplierTimeout;
    private final AtomicBoolean pastExpiryWarned = new AtomicBoolean();

    public SessionFactory(QbAuthConfig config, QuickBloxHttp http, JsonCodec codec, ErrorClassifier classifier,
                          RequestSigner signer) {
        this.http = http;
        this.codec = codec;
        this.classifier = classifier;
        this.signer = signer;
        this.fallbackTtl = config.refreshPolicy().fallbackTtl();
        this.supplierTimeout = config.transportConfig().requestTimeout();
    }

    @Override
    public CompletableFuture<LiveSession> create(Identity identity) {
        return create(identity, AuthScope.NONE);
    }

    @Override
    public CompletableFuture<LiveSession> create(Identity identity, AuthScope parent) {
        return switch (identity) {
            case Identity.Application application -> createApplication(parent);
            case Identity.User user -> credentialsFrom(user.credentials())
                    .thenCompose(credentials -> createUser(credentials, parent));
            case Identity.Adopted adopted -> CompletableFuture.failedFuture(new SessionExpiredException(
                    "the adopted session is gone and no CredentialsSupplier is configured to re-create it", 0,
                    ErrorDetails.NONE));
        };
    }

    /** A new application session. */
    public CompletableFuture<LiveSession> createApplication() {
        return createApplication(AuthScope.NONE);
    }

    /** A new application session, its exchange traced under {@code parent}. */
    public CompletableFuture<LiveSession> createApplication(AuthScope parent) {
        return create(Map.of(), SessionKind.APPLICATION, parent);
    }

    /** A new user session for {@code credentials}. */
    public CompletableFuture<LiveSession> createUser(Credentials credentials) {
        return createUser(credentials, AuthScope.NONE);
    }

    /** A new user session for {@code credentials}, its exchange traced under {@code parent}. */
    public CompletableFuture<LiveSession> createUser(Credentials credentials, AuthScope parent) {
        return create(CredentialParams.forSession(credentials), SessionKind.USER, parent);
    }

    /** Checks {@code token} with {@code GET /session.json} and returns it as an adopted session. */
    public CompletableFuture<LiveSession> adopt(SessionToken token) {
        return adopt(token, AuthScope.NONE);
    }

    /** As {@link #adopt(SessionToken)}, the exchange traced under {@code parent}. */
    public CompletableFuture<LiveSession> adopt(SessionToken token, AuthScope parent) {
        ApiRequest request = ApiRequest.get(QuickBloxHttp.SESSION_PATH);
        return http.send(request, token, parent, false).thenApply(exchange -> {
            SessionPayload payload = readSession(request, exchange, token);
            return LiveSession.received(toSession(token, payload, exchange, Session.Origin.ADOPTED),
                    exchange.receivedAtMillis());
        });
    }

    /** The session the server describes in {@code exchange}, for {@code token}. */
    public Session describe(SessionToken token, TimedResponse exchange, Session.Origin origin, ApiRequest request) {
        return toSession(token, readSession(request, exchange, token), exchange, origin);
    }

    @Override
    public void discard(LiveSession session) {
        http.send(ApiRequest.delete(QuickBloxHttp.SESSION_PATH), session.token()).whenComplete((exchange, failure) -> {
            if (failure != null) {
                LOG.log(System.Logger.Level.DEBUG, "could not discard a superseded session: {0}",
                        failure.getClass().getSimpleName());
            }
        });
    }

    private CompletableFuture<LiveSession> create(Map<String, String> credentialParams, SessionKind expected,
                                                  AuthScope parent) {
        ApiRequest request = ApiRequest.post(QuickBloxHttp.SESSION_PATH)
                .formBody(signer.signedSessionForm(credentialParams));
        return http.send(request, null, parent, false).thenApply(exchange -> {
            SessionPayload payload = readSession(request, exchange, null);
            Session session = toSession(tokenOf(payload, exchange), payload, exchange, Session.Origin.CREATED);
            if (session.kind() != expected) {
                throw new ProtocolException("POST /session.json returned a " + session.kind() + " session where a "
                        + expected + " session was asked for", exchange.response().status(), ErrorDetails.NONE);
            }
            return LiveSession.received(session, exchange.receivedAtMillis());
        });
    }

    private SessionPayload readSession(ApiRequest request, TimedResponse exchange, SessionToken token) {
        ApiResponse response = exchange.response();
        if (!response.isSuccess()) {
            throw classifier.classify(request, response, token);
        }
        return classifier.read(request, token, () -> codec.readSession(response.body(), response.status()));
    }

    private Session toSession(SessionToken token, SessionPayload payload, TimedResponse exchange, Session.Origin origin) {
        int status = exchange.response().status();
        if (ExpiryHeaders.reportsPastExpiry(exchange) && pastExpiryWarned.compareAndSet(false, true)) {
            LOG.log(System.Logger.Level.WARNING, "the server described a session whose "
                    + ExpiryHeaders.EXPIRATION_HEADER + " had already passed when the reply arrived (after correcting "
                    + "for the Date header); such headers are ignored and sessions are assumed to last {0} after "
                    + "their last request (RefreshPolicy.fallbackTtl). Said once per client.", fallbackTtl);
        }
        try {
            long expiresAt = ExpiryHeaders.trackedExpiry(exchange, fallbackTtl.toMillis()).orElseThrow();
            Instant createdAt = payload.createdAt().orElse(Instant.ofEpochMilli(exchange.receivedAtMillis()));
            return new Session(token, payload.userId() > 0 ? SessionKind.USER : SessionKind.APPLICATION,
                    payload.applicationId(), payload.userId(), payload.id(), createdAt, Instant.ofEpochMilli(expiresAt),
                    origin);
        } catch (InvalidInputException e) {
            throw new ProtocolException("the server described an unusable session: " + e.getMessage(), status,
                    ErrorDetails.NONE, e);
        }
    }

    private static SessionToken tokenOf(SessionPayload payload, TimedResponse exchange) {
        try {
            return new SessionToken(payload.token());
        } catch (InvalidInputException e) {
            throw new ProtocolException("the server sent an unusable session token: " + e.getMessage(),
                    exchange.response().status(), ErrorDetails.NONE, e);
        }
    }

    private CompletableFuture<Credentials> credentialsFrom(CredentialsSupplier supplier) {
        CompletionStage<Credentials> answer;
        try {
            answer = supplier.credentials();
        } catch (Throwable e) { // application code: an Error must fail this creation, not leave it unfinished
            return CompletableFuture.failedFuture(supplierFailure(e));
        }
        if (answer == null) {
            return CompletableFuture.failedFuture(supplierFailure("returned no stage", null));
        }
        return answer.toCompletableFuture().copy()
                .orTimeout(supplierTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .handle((credentials, failure) -> {
                    if (failure != null) {
                        throw new CompletionException(supplierFailure(failure));
                    }
                    if (credentials == null) {
                        throw new CompletionException(supplierFailure("answered null", null));
                    }
                    return credentials;
                });
    }

    private AuthException supplierFailure(Throwable failure) {
        Throwable cause = TransportSupport.unwrap(failure);
        if (cause instanceof AuthException auth) {
            return auth;
        }
        return supplierFailure(cause instanceof TimeoutException
                ? "did not answer within " + supplierTimeout
                : "failed with " + cause.getClass().getSimpleName(), cause);
    }

    private static AuthException supplierFailure(String why, Throwable cause) {
        return new SessionExpiredException("the user session could not be re-created: the CredentialsSupplier " + why,
                0, ErrorDetails.NONE, cause);
    }
}
