package io.qbauth.internal.session;

import io.qbauth.config.ReauthPolicy;
import io.qbauth.domain.ApiRequest;
import io.qbauth.domain.AuthException;
import io.qbauth.domain.SessionToken;
import io.qbauth.internal.http.ErrorClassifier;
import io.qbauth.internal.http.TimedResponse;
import io.qbauth.internal.http.ExpiryHeaders;
import io.qbauth.internal.http.QuickBloxHttp;
import io.qbauth.internal.http.Tracing;
import io.qbauth.event.AuthActivity;
import io.qbauth.event.AuthScope;
import io.qbauth.event.AuthEvent.ReplayResult;
import io.qbauth.event.AuthEvent.RequestReplayed;
import io.qbauth.domain.ApiResponse;
import io.qbauth.spi.TransportSupport;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Runs authenticated calls with the shared session and re-authenticates transparently, per call and without shared
 * "last request" state:
 * <ol>
 *   <li>acquire the session and send with its token;</li>
 *   <li>a reply of 401 {@value ErrorClassifier#SESSION_GONE} (and only that) means the session is gone: the token is
 *       compare-and-invalidated; outside {@code /session.json} and {@code /login.json}, a new session is acquired
 *       (one creation for all calls rejected with the same token) and the same bytes are sent once more with it;</li>
 *   <li>POST and PATCH are resent only if {@link ReauthPolicy#replayNonIdempotentAfterSessionExpiry()} allows, and no
 *       request marked {@code replayable(false)} is; a second rejection fails the call: never a loop;</li>
 *   <li>nothing is resent after a timeout, an I/O error or a 5xx;</li>
 *   <li>every reply with the token moves the session's expiry (skew-corrected header, else last request + fallback
 *       TTL for a 2xx).</li>
 * </ol>
 */
public final class ReauthenticatingExecutor {

    private static final Set<String> IDEMPOTENT = Set.of("GET", "PUT", "DELETE");
    private static final Set<String> AUTH_PATHS = Set.of(QuickBloxHttp.SESSION_PATH, QuickBloxHttp.LOGIN_PATH);

    private final SingleFlightSessionCache cache;
    private final QuickBloxHttp http;
    private final ErrorClassifier classifier;
    private final ReauthPolicy policy;
    private final long fallbackTtlMillis;
    private final Events events;
    private final Tracing tracing;

    public ReauthenticatingExecutor(SingleFlightSessionCache cache, QuickBloxHttp http, ErrorClassifier classifier,
                                    ReauthPolicy policy, Duration fallbackTtl, Events events) {
        this(cache, http, classifier, policy, fallbackTtl, events, Tracing.OFF);
    }

    /** With {@code tracing}: a replay is an {@link AuthActivity.RequestReplay} holding its acquisition and exchange. */
    public ReauthenticatingExecutor(SingleFlightSessionCache cache, QuickBloxHttp http, ErrorClassifier classifier,
                                    ReauthPolicy policy, Duration fallbackTtl, Events events, Tracing tracing) {
        this.tracing = tracing;
        this.cache = cache;
        this.http = http;
        this.classifier = classifier;
        this.policy = policy;
        this.fallbackTtlMillis = fallbackTtl.toMillis();
        this.events = events;
    }

    /** Sends {@code request} with the shared session; completes with the 2xx exchange or the classified failure. */
    public CompletableFuture<TimedResponse> execute(ApiRequest request) {
        return execute(request, AuthScope.NONE);
    }

    /** As {@link #execute(ApiRequest)}, its acquisition, exchanges and replay traced under {@code parent}. */
    public CompletableFuture<TimedResponse> execute(ApiRequest request, AuthScope parent) {
        return cache.acquire(parent).thenCompose(session -> attempt(request, session, true, parent, false));
    }

    /**
     * Sends {@code request} with {@code session}, never re-authenticating: a rejected token is invalidated and the
     * call fails with {@link io.qbauth.domain.SessionExpiredException}.
     */
    public CompletableFuture<TimedResponse> executeWith(ApiRequest request, LiveSession session) {
        return executeWith(request, session, AuthScope.NONE);
    }

    /** As {@link #executeWith(ApiRequest, LiveSession)}, the exchange traced under {@code parent}. */
    public CompletableFuture<TimedResponse> executeWith(ApiRequest request, LiveSession session, AuthScope parent) {
        return attempt(request, session, false, parent, false);
    }

    private CompletableFuture<TimedResponse> attempt(ApiRequest request, LiveSession session, boolean mayReplay,
                                                     AuthScope parent, boolean replayed) {
        return http.send(request, session.token(), parent, replayed).thenCompose(exchange -> {
            ApiResponse response = exchange.response();
            if (classifier.isSessionGone(response)) {
                cache.invalidate(session.token());
                return mayReplay && !AUTH_PATHS.contains(request.path())
                        ? traced(request, response, session.token(), parent)
                        : CompletableFuture.failedFuture(classifier.classify(request, response, session.token()));
            }
            trackExpiry(session, exchange);
            return response.isSuccess()
                    ? CompletableFuture.completedFuture(exchange)
                    : CompletableFuture.failedFuture(classifier.classify(request, response, session.token()));
        });
    }

    /** {@link #replay}, inside an {@link AuthActivity.RequestReplay} when traced. */
    private CompletableFuture<TimedResponse> traced(ApiRequest request, ApiResponse rejected,
                                                    SessionToken rejectedToken, AuthScope parent) {
        if (!tracing.on()) {
            return replay(request, rejected, rejectedToken, AuthScope.NONE, null);
        }
        AuthActivity.RequestReplay activity = new AuthActivity.RequestReplay(request.method());
        AuthScope scope = tracing.start(activity, parent);
        return Tracing.stopWhenDone(scope, replay(request, rejected, rejectedToken, scope, activity));
    }

    private CompletableFuture<TimedResponse> replay(ApiRequest request, ApiResponse rejected,
                                               SessionToken rejectedToken, AuthScope scope,
                                               AuthActivity.RequestReplay activity) {
        if (!mayResend(request)) {
            replayed(activity, request, ReplayResult.SKIPPED_NOT_REPLAYABLE);
            return CompletableFuture.failedFuture(classifier.classify(request, rejected, rejectedToken));
        }
        return cache.acquire(scope).handle((session, failure) -> {
            if (failure != null) {
                replayed(activity, request, ReplayResult.FAILED);
                return CompletableFuture.<TimedResponse>failedFuture(TransportSupport.unwrap(failure));
            }
            return attempt(request, session, false, scope, true).whenComplete((exchange, error) -> replayed(
                    activity, request, error == null || cameWithReply(error)
                            ? ReplayResult.REPLAYED : ReplayResult.FAILED));
        }).thenCompose(Function.identity());
    }

    private void replayed(AuthActivity.RequestReplay activity, ApiRequest request, ReplayResult result) {
        if (activity != null) {
            activity.result(result);
        }
        events.publish(new RequestReplayed(request.method(), result));
    }

    private boolean mayResend(ApiRequest request) {
        return request.isReplayable()
                && (IDEMPOTENT.contains(request.method()) || policy.replayNonIdempotentAfterSessionExpiry());
    }

    private void trackExpiry(LiveSession session, TimedResponse exchange) {
        ExpiryHeaders.trackedExpiry(exchange, fallbackTtlMillis)
                .ifPresent(expiry -> cache.extendExpiry(session.token(), expiry));
    }

    private static boolean cameWithReply(Throwable failure) {
        return TransportSupport.unwrap(failure) instanceof AuthException auth && auth.status() > 0;
    }
}
