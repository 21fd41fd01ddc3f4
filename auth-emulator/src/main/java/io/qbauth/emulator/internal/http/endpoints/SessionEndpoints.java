package io.qbauth.emulator.internal.http.endpoints;

import io.qbauth.emulator.internal.auth.Credentials;
import io.qbauth.emulator.internal.auth.CredentialsParser;
import io.qbauth.emulator.internal.auth.SignatureVerifier;
import io.qbauth.emulator.internal.http.rendering.ApiException;
import io.qbauth.emulator.internal.http.rendering.ErrorReply;
import io.qbauth.emulator.internal.http.rendering.ReplyWriter;
import io.qbauth.emulator.internal.http.requests.ParamsReader;
import io.qbauth.emulator.internal.http.requests.PathIds;
import io.qbauth.emulator.internal.params.RequestParams;
import io.qbauth.emulator.internal.state.AppState;
import io.qbauth.emulator.internal.state.AuthMethod;
import io.qbauth.emulator.internal.state.Session;
import io.qbauth.emulator.internal.state.ValidationFailure;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Optional;

/** {@code POST}, {@code GET} and {@code DELETE /session.json}. */
public final class SessionEndpoints {

    private final Services services;
    private final Authentication authentication;
    private final ReplyWriter replies;
    private final WorkerExecutor worker;

    /** @param worker runs the blocking credential checks */
    public SessionEndpoints(Services services, Authentication authentication, ReplyWriter replies,
            WorkerExecutor worker) {
        this.services = services;
        this.authentication = authentication;
        this.replies = replies;
        this.worker = worker;
    }

    /**
     * Creates a session: application lookup, signature, timestamp window and nonce replay checks, then (for user
     * credentials, on a worker thread) the user check. Any {@code QB-Token} header is ignored. Every request that names
     * a configured application counts against its plan limits (requests, then session creations) before the
     * signature is checked, as an edge rate limiter would.
     */
    public void create(RoutingContext ctx) {
        Instant now = services.clock().instant();
        RequestParams params = ParamsReader.read(ctx);
        AppState app = services.apps().byId(PathIds.parsePositive(params.get("application_id")))
                .orElseThrow(ErrorReply.NO_APPLICATION::exception);
        authentication.admit(ctx, app);
        authentication.admitSessionCreation(ctx, app);
        SignedRequest signed = verifySigned(app, params, now);
        ReplyWriter.reportExpiry(ctx, now.plus(services.sessions().ttl()));
        Optional<Credentials> credentials =
                CredentialsParser.fromSessionRequest(params, app.app().customIdentityProvider());
        if (credentials.isEmpty()) {
            created(ctx, app.openSession(AuthMethod.APP, 0, signed.nonce(), signed.timestamp(), now));
            return;
        }
        Credentials userCredentials = credentials.get();
        worker.executeBlocking(() -> services.authenticator().authenticate(app.users(), userCredentials, now), false)
                .map(user -> app.openSession(userCredentials.method(), user.id(), signed.nonce(), signed.timestamp(),
                        now))
                .onSuccess(session -> created(ctx, session))
                .onFailure(ctx::fail);
    }

    /** Returns the session of the {@code QB-Token}. */
    public void get(RoutingContext ctx) {
        replies.json(ctx, 200, Views.session(authentication.requireSession(ctx)));
    }

    /** Deletes the session of the {@code QB-Token}: 200 with an empty body. */
    public void delete(RoutingContext ctx) {
        Session session = authentication.requireSession(ctx);
        services.sessions().delete(session.token());
        ReplyWriter.forgetExpiry(ctx);
        replies.empty(ctx);
    }

    private void created(RoutingContext ctx, Session session) {
        ReplyWriter.reportExpiry(ctx, session.expiresAt());
        replies.json(ctx, 201, Views.session(session));
    }

    private static SignedRequest verifySigned(AppState app, RequestParams params, Instant now) {
        try {
            if (!authKeyMatches(app, params.get("auth_key"))
                    || !SignatureVerifier.verify(params, app.app().authSecret())) {
                throw ErrorReply.UNEXPECTED_SIGNATURE.exception();
            }
            SignedRequest signed = new SignedRequest(requiredInteger(params, "timestamp"),
                    requiredInteger(params, "nonce"));
            switch (app.nonces().admit(signed.timestamp(), signed.nonce(), now)) {
                case OUTSIDE_WINDOW -> throw ErrorReply.TIMESTAMP_OUTSIDE_WINDOW.exception();
                case REPLAYED -> throw ErrorReply.NONCE_ALREADY_USED.exception();
                case ACCEPTED -> {
                    return signed;
                }
            }
            throw new IllegalStateException("unhandled verdict");
        } catch (ApiException | ValidationFailure rejected) {
            app.counters().signatureRejected();
            throw rejected;
        }
    }

    private static boolean authKeyMatches(AppState app, String authKey) {
        return authKey != null && MessageDigest.isEqual(app.app().authKey().getBytes(StandardCharsets.UTF_8),
                authKey.getBytes(StandardCharsets.UTF_8));
    }

    private static long requiredInteger(RequestParams params, String name) {
        String text = params.get(name);
        if (text == null || text.isBlank()) {
            throw ValidationFailure.of(name, "can't be blank");
        }
        String trimmed = text.trim();
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if ((c < '0' || c > '9') && !(i == 0 && (c == '-' || c == '+'))) {
                // ASCII digits only: Long.parseLong would also take Arabic-Indic, fullwidth... digits
                throw ValidationFailure.of(name, "is not a number");
            }
        }
        try {
            return Long.parseLong(trimmed);
        } catch (NumberFormatException e) {
            throw ValidationFailure.of(name, "is not a number");
        }
    }

    /** The echoed parts of a verified create-session request. */
    private record SignedRequest(long timestamp, long nonce) {
    }
}
