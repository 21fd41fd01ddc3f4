package io.qbauth.loadtest.driver;

import io.qbauth.loadtest.server.AppCredentials;
import io.qbauth.loadtest.server.UserAccount;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The raw baseline's agent: the least a hand-written client must do to make the same calls as the SDK. It keeps one
 * session; when the session is within the stale margin of its expiry (or the server says it is gone) one caller
 * re-creates it and concurrent callers wait for that one creation (a future in an atomic slot), then an
 * authenticated call that met a gone session is sent once more. So both clients create the same number of sessions
 * and the comparison is about the cost of each call.
 */
final class RawAgent implements Agent {

    private final RawHttp http;
    private final RawSigner signer;
    private final Duration staleMargin;
    private final boolean herd;
    private final AtomicReference<CompletableFuture<RawSession>> slot = new AtomicReference<>();
    private volatile UserAccount owner;

    RawAgent(RawHttp http, AppCredentials app, Duration staleMargin, boolean herd) {
        this.http = http;
        this.herd = herd;
        this.signer = new RawSigner(app);
        this.staleMargin = staleMargin;
    }

    @Override
    public CompletionStage<Void> createAppSession() {
        owner = null;
        return replaceSession().thenApply(session -> null);
    }

    @Override
    public CompletionStage<Long> startUserSession(UserAccount user) {
        owner = user;
        return replaceSession().thenApply(RawSession::userId);
    }

    @Override
    public CompletionStage<Long> login(UserAccount user, boolean byEmail) {
        Map<String, String> form = byEmail
                ? Map.of("email", user.email(), "password", user.password())
                : Map.of("login", user.login(), "password", user.password());
        return authorized("POST", "/login.json", form).thenApply(body -> userId(body, "user", "id"));
    }

    @Override
    public CompletionStage<Long> signUp(UserAccount user) {
        Map<String, String> form = Map.of("user[login]", user.login(), "user[email]", user.email(),
                "user[password]", user.password());
        return authorized("POST", "/users.json", form).thenApply(body -> userId(body, "user", "id"));
    }

    @Override
    public CompletionStage<Void> getSession() {
        return authorized("GET", "/session.json", null).thenApply(body -> null);
    }

    @Override
    public CompletionStage<Void> apiCall(String path) {
        return authorized("GET", path, null).thenApply(body -> null);
    }

    @Override
    public CompletionStage<Void> destroySession() {
        CompletableFuture<RawSession> current = slot.getAndSet(null);
        if (current == null) {
            return CompletableFuture.completedFuture(null);
        }
        return current.thenCompose(session -> http.send("DELETE", "/session.json", session.token(), null))
                .thenApply(response -> null);
    }

    @Override
    public void close() {
        slot.set(null);
    }

    private CompletableFuture<byte[]> authorized(String method, String path, Map<String, String> form) {
        return session().thenCompose(session -> send(session, method, path, form)
                .exceptionallyCompose(failure -> {
                    if (isSessionGone(failure) && owner != null) {
                        invalidate(session);
                        return session().thenCompose(fresh -> send(fresh, method, path, form));
                    }
                    return CompletableFuture.failedFuture(failure);
                }));
    }

    private CompletableFuture<byte[]> send(RawSession session, String method, String path, Map<String, String> form) {
        return http.send(method, path, session.token(), form).thenApply(response -> {
            session.touch(response);
            return response.body();
        });
    }

    /** The current session if fresh, else the one being created, else a new creation that others then join. */
    private CompletableFuture<RawSession> session() {
        while (true) {
            CompletableFuture<RawSession> current = slot.get();
            if (current != null && (!current.isDone() || isFresh(current))) {
                if (!herd || current.isDone()) {
                    return current;
                }
                return replaceSession();
            }
            CompletableFuture<RawSession> next = new CompletableFuture<>();
            if (slot.compareAndSet(current, next)) {
                create().whenComplete((session, failure) -> {
                    if (failure == null) {
                        next.complete(session);
                    } else {
                        next.completeExceptionally(failure);
                    }
                });
                return next;
            }
        }
    }

    private CompletableFuture<RawSession> replaceSession() {
        CompletableFuture<RawSession> created = create();
        slot.set(created);
        return created;
    }

    private boolean isFresh(CompletableFuture<RawSession> done) {
        return !done.isCompletedExceptionally() && done.join().isFreshAt(Instant.now(), staleMargin);
    }

    private void invalidate(RawSession gone) {
        CompletableFuture<RawSession> current = slot.get();
        if (current != null && current.isDone() && !current.isCompletedExceptionally() && current.join() == gone) {
            slot.compareAndSet(current, null);
        }
    }

    private CompletableFuture<RawSession> create() {
        UserAccount user = owner;
        Map<String, String> credentials = user == null
                ? Map.of()
                : Map.of("user[login]", user.login(), "user[password]", user.password());
        return http.send("POST", "/session.json", null, signer.sessionForm(credentials)).thenApply(response -> {
            byte[] body = response.body();
            Instant expiry = RawHttp.expiry(response, Instant.now())
                    .orElseGet(() -> Instant.now().plus(RawSession.FALLBACK_TTL));
            return new RawSession(JsonFields.read(body, "session", "token"), userId(body, "session", "user_id"),
                    expiry);
        });
    }

    private static long userId(byte[] body, String envelope, String field) {
        String value = JsonFields.read(body, envelope, field);
        return value == null ? 0 : Long.parseLong(value);
    }

    private static boolean isSessionGone(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return cause instanceof RawHttpException http && http.isSessionGone();
    }
}
