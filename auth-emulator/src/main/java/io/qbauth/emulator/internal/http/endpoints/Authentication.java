package io.qbauth.emulator.internal.http.endpoints;

import io.qbauth.emulator.internal.http.faults.FaultInjector;
import io.qbauth.emulator.internal.http.rendering.ApiException;
import io.qbauth.emulator.internal.http.rendering.ErrorReply;
import io.qbauth.emulator.internal.http.rendering.ReplyWriter;
import io.qbauth.emulator.internal.http.requests.PathIds;
import io.qbauth.emulator.internal.state.AppState;
import io.qbauth.emulator.internal.state.Session;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;

/**
 * Authenticates requests by {@code QB-Token} (sliding the session's expiry and reporting it on the reply) or by
 * {@code Authorization: ApiKey <key>} with an optional {@code On-Behalf-Of: <user id>}. Counts each authenticated
 * request against its application, holds it to the application's plan limit, then lets the application's fault
 * rules strike it ({@link #admit}). A request that cannot be attributed to an application (no token, an unknown or
 * expired one, a wrong API key, an unknown {@code application_id}) is refused for that reason, never rate-limited.
 */
public final class Authentication {

    private static final CharSequence QB_TOKEN = HttpHeaders.createOptimized("QB-Token");
    private static final CharSequence ON_BEHALF_OF = HttpHeaders.createOptimized("On-Behalf-Of");
    private static final String API_KEY_SCHEME = "apikey ";
    private static final CharSequence RETRY_AFTER = HttpHeaders.createOptimized("Retry-After");

    private final Services services;
    private final FaultInjector faults;

    /** @param faults applies each application's fault rules once the request's application is known */
    public Authentication(Services services, FaultInjector faults) {
        this.services = services;
        this.faults = faults;
    }

    /**
     * Counts a request against the application it belongs to, holds it to the plan's requests-per-second limit and
     * applies that application's fault rules.
     *
     * @throws ApiException 429 with {@code Retry-After} over the plan's limit
     * @throws io.qbauth.emulator.internal.http.faults.InjectedRefusal when a refusal fault strikes the request
     */
    void admit(RoutingContext ctx, AppState app) {
        app.counters().requestReceived();
        long retryAfter = services.limits().admitRequest(app.id());
        if (retryAfter != 0) {
            app.counters().requestRateLimited();
            throw tooManyRequests(ctx, retryAfter);
        }
        faults.admit(ctx, app.id());
    }

    /**
     * Holds a session creation of an admitted request to the plan's session-creation limit.
     *
     * @throws ApiException 429 with {@code Retry-After} over the limit
     */
    void admitSessionCreation(RoutingContext ctx, AppState app) {
        long retryAfter = services.limits().admitSessionCreation(app.id());
        if (retryAfter != 0) {
            app.counters().sessionCreationRateLimited();
            throw tooManyRequests(ctx, retryAfter);
        }
    }

    private static ApiException tooManyRequests(RoutingContext ctx, long retryAfterSeconds) {
        ctx.response().putHeader(RETRY_AFTER, Long.toString(retryAfterSeconds));
        return ErrorReply.TOO_MANY_REQUESTS.exception();
    }

    /** The live session of the {@code QB-Token}; 401 when the header is missing or the session is gone. */
    Session requireSession(RoutingContext ctx) {
        String token = ctx.request().getHeader(QB_TOKEN);
        if (token == null || token.isEmpty()) {
            throw ErrorReply.TOKEN_REQUIRED.exception();
        }
        Session session = services.sessions().touch(token, services.clock().instant())
                .orElseThrow(ErrorReply.SESSION_NOT_FOUND::exception);
        admit(ctx, appOf(session));
        ReplyWriter.reportExpiry(ctx, session.expiresAt());
        return session;
    }

    /** The application of a session. */
    AppState appOf(Session session) {
        return services.apps().byId(session.applicationId()).orElseThrow();
    }

    /** The application whose API key the request carries, ignoring any {@code QB-Token}; 401 otherwise. */
    AppState requireApiKey(RoutingContext ctx) {
        String apiKey = apiKey(ctx);
        AppState app = apiKey == null ? null : services.apps().byApiKey(apiKey).orElse(null);
        if (app == null) {
            throw ErrorReply.INVALID_API_KEY.exception();
        }
        admit(ctx, app);
        return app;
    }

    /** The API key caller when an {@code Authorization: ApiKey} header is present, else the session caller. */
    Caller requireCaller(RoutingContext ctx) {
        if (apiKey(ctx) != null) {
            AppState app = requireApiKey(ctx);
            return new Caller(app, onBehalfOf(ctx, app), true);
        }
        Session session = requireSession(ctx);
        return new Caller(appOf(session), session.userId(), false);
    }

    private static String apiKey(RoutingContext ctx) {
        String authorization = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || authorization.length() <= API_KEY_SCHEME.length()
                || !authorization.substring(0, API_KEY_SCHEME.length()).toLowerCase(Locale.ROOT)
                        .equals(API_KEY_SCHEME)) {
            return null;
        }
        String key = authorization.substring(API_KEY_SCHEME.length()).trim();
        return key.isEmpty() ? null : key;
    }

    private static long onBehalfOf(RoutingContext ctx, AppState app) {
        String header = ctx.request().getHeader(ON_BEHALF_OF);
        if (header == null) {
            return 0;
        }
        long userId = PathIds.parsePositive(header.trim());
        if (userId <= 0) {
            throw ErrorReply.BAD_ON_BEHALF_OF.exception();
        }
        if (app.users().find(userId).isEmpty()) {
            throw ErrorReply.USER_NOT_FOUND.exception();
        }
        return userId;
    }
}
