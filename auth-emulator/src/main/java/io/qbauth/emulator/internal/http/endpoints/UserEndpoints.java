package io.qbauth.emulator.internal.http.endpoints;

import io.qbauth.emulator.internal.http.rendering.ErrorReply;
import io.qbauth.emulator.internal.http.rendering.ReplyWriter;
import io.qbauth.emulator.internal.http.requests.ParamsReader;
import io.qbauth.emulator.internal.http.requests.PathIds;
import io.qbauth.emulator.internal.security.PasswordHash;
import io.qbauth.emulator.internal.state.AppState;
import io.qbauth.emulator.internal.state.UserAccount;
import io.qbauth.emulator.internal.state.UserDirectory;
import io.qbauth.emulator.internal.state.ValidationFailure;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;

/**
 * {@code POST /users.json} (sign-up, with a session or an API key), {@code GET /users/{id}.json} (any caller) and
 * {@code PUT /users/{id}.json} (the user itself, or a server), the protected endpoints that exercise the permission
 * model.
 */
public final class UserEndpoints {

    private final Services services;
    private final Authentication authentication;
    private final ReplyWriter replies;
    private final WorkerExecutor worker;

    /** @param worker runs the blocking password hashing */
    public UserEndpoints(Services services, Authentication authentication, ReplyWriter replies,
            WorkerExecutor worker) {
        this.services = services;
        this.authentication = authentication;
        this.replies = replies;
        this.worker = worker;
    }

    /** Creates a user: 201 {@code {"user":{...}}}, or 422 with field-keyed errors. */
    public void create(RoutingContext ctx) {
        AppState app = authentication.requireCaller(ctx).app();
        UserForm form = UserForm.signUp(ParamsReader.read(ctx), app.users());
        Instant now = services.clock().instant();
        worker.executeBlocking(() -> services.hasher().hash(form.password()), false)
                .map(hash -> app.users().create(form.profile(), hash, now))
                .onSuccess(user -> {
                    app.counters().signupCreated();
                    replies.json(ctx, 201, Views.user(user));
                })
                .onFailure(ctx::fail);
    }

    /** Returns a user of the caller's application. */
    public void show(RoutingContext ctx) {
        AppState app = authentication.requireCaller(ctx).app();
        replies.json(ctx, 200, Views.user(existing(app.users(), PathIds.userId(ctx))));
    }

    /** Updates the caller's own user (or any user, for a server without {@code On-Behalf-Of}). */
    public void update(RoutingContext ctx) {
        Caller caller = authentication.requireCaller(ctx);
        long userId = PathIds.userId(ctx);
        caller.requireWriteAccessTo(userId);
        UserDirectory users = caller.app().users();
        UserAccount current = existing(users, userId);
        UserForm form = UserForm.update(ParamsReader.read(ctx), current.profile(), userId, users);
        Instant now = services.clock().instant();
        if (form.password() == null) {
            replies.json(ctx, 200, Views.user(save(users, userId, form, null, now)));
            return;
        }
        worker.executeBlocking(() -> newPasswordHash(current, form), false)
                .map(hash -> save(users, userId, form, hash, now))
                .onSuccess(user -> replies.json(ctx, 200, Views.user(user)))
                .onFailure(ctx::fail);
    }

    private PasswordHash newPasswordHash(UserAccount current, UserForm form) {
        boolean oldMatches = current.password()
                .map(hash -> services.hasher().matches(form.oldPassword(), hash))
                .orElse(false);
        if (!oldMatches) {
            throw ValidationFailure.of("old_password", "is invalid");
        }
        return services.hasher().hash(form.password());
    }

    private static UserAccount save(UserDirectory users, long userId, UserForm form, PasswordHash hash, Instant now) {
        return users.update(userId, form.profile(), hash, now).orElseThrow(ErrorReply.USER_NOT_FOUND::exception);
    }

    private static UserAccount existing(UserDirectory users, long userId) {
        return users.find(userId).orElseThrow(ErrorReply.USER_NOT_FOUND::exception);
    }
}
