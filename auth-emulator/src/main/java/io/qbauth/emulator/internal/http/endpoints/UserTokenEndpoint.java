package io.qbauth.emulator.internal.http.endpoints;

import io.qbauth.emulator.internal.http.rendering.ErrorReply;
import io.qbauth.emulator.internal.http.rendering.ReplyWriter;
import io.qbauth.emulator.internal.http.requests.PathIds;
import io.qbauth.emulator.internal.state.AppState;
import io.qbauth.emulator.internal.state.AuthMethod;
import io.qbauth.emulator.internal.state.Session;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;

/**
 * {@code POST /users/{id}/tokens} with {@code Authorization: ApiKey <key>}: mints a user session token, 201
 * {@code {"token":"...","expires_at":"..."}}. A {@code QB-Token} header is ignored.
 */
public final class UserTokenEndpoint {

    private final Services services;
    private final Authentication authentication;
    private final ReplyWriter replies;

    /** Serves with these collaborators. */
    public UserTokenEndpoint(Services services, Authentication authentication, ReplyWriter replies) {
        this.services = services;
        this.authentication = authentication;
        this.replies = replies;
    }

    /** Mints a user session token for the API key's application. */
    public void mint(RoutingContext ctx) {
        AppState app = authentication.requireApiKey(ctx);
        long userId = PathIds.userId(ctx);
        if (app.users().find(userId).isEmpty()) {
            throw ErrorReply.USER_NOT_FOUND.exception();
        }
        authentication.admitSessionCreation(ctx, app);
        Instant now = services.clock().instant();
        Session session = app.openSession(AuthMethod.API_KEY, userId, 0, now.getEpochSecond(), now);
        replies.json(ctx, 201, Views.mintedToken(session));
    }
}
