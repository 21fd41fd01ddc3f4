package io.qbauth.emulator.internal.http.endpoints;

import io.qbauth.emulator.internal.auth.AuthenticationFailure;
import io.qbauth.emulator.internal.auth.Credentials;
import io.qbauth.emulator.internal.auth.CredentialsParser;
import io.qbauth.emulator.internal.http.rendering.ErrorReply;
import io.qbauth.emulator.internal.http.rendering.ReplyWriter;
import io.qbauth.emulator.internal.http.requests.ParamsReader;
import io.qbauth.emulator.internal.state.AppState;
import io.qbauth.emulator.internal.state.Session;
import io.qbauth.emulator.internal.state.UserAccount;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;

/** {@code POST /login.json} (the token becomes a user session) and {@code DELETE /login.json} (back to user 0). */
public final class LoginEndpoints {

    private final Services services;
    private final Authentication authentication;
    private final ReplyWriter replies;
    private final WorkerExecutor worker;

    /** @param worker runs the blocking credential checks */
    public LoginEndpoints(Services services, Authentication authentication, ReplyWriter replies,
            WorkerExecutor worker) {
        this.services = services;
        this.authentication = authentication;
        this.replies = replies;
        this.worker = worker;
    }

    /** Logs a user into the session of the {@code QB-Token}: 202 {@code {"user":{...}}}. */
    public void login(RoutingContext ctx) {
        Session session = authentication.requireSession(ctx);
        AppState app = authentication.appOf(session);
        Instant now = services.clock().instant();
        Credentials credentials = CredentialsParser
                .fromLoginRequest(ParamsReader.read(ctx), app.app().customIdentityProvider())
                .orElseThrow(() -> new AuthenticationFailure("no credentials"));
        worker.executeBlocking(() -> services.authenticator().authenticate(app.users(), credentials, now), false)
                .map(user -> bind(ctx, session, user, now))
                .onSuccess(user -> {
                    app.counters().loginSucceeded();
                    replies.json(ctx, 202, Views.user(user));
                })
                .onFailure(ctx::fail);
    }

    /** Logs the user out of the session of the {@code QB-Token}; the token stays valid. */
    public void logout(RoutingContext ctx) {
        Session session = authentication.requireSession(ctx);
        bind(ctx, session, null, services.clock().instant());
        replies.empty(ctx);
    }

    private UserAccount bind(RoutingContext ctx, Session session, UserAccount user, Instant now) {
        Session bound = services.sessions().bindUser(session.token(), user == null ? 0 : user.id(), now)
                .orElseThrow(ErrorReply.SESSION_NOT_FOUND::exception);
        ReplyWriter.reportExpiry(ctx, bound.expiresAt());
        return user;
    }
}
