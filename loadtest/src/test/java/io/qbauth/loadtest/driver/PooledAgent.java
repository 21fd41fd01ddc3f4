package io.qbauth.loadtest.driver;

import io.qbauth.PooledUser;
import io.qbauth.domain.ApiRequest;
import io.qbauth.domain.Session;
import io.qbauth.loadtest.server.UserAccount;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * An {@link Agent} that is one user of a {@link io.qbauth.UserPool}: every call is one public {@link PooledUser}
 * method. Only the user-session calls apply; the others fail at once, nothing sent.
 */
final class PooledAgent implements Agent {

    private final PooledUser user;

    PooledAgent(PooledUser user) {
        this.user = user;
    }

    @Override
    public CompletionStage<Void> createAppSession() {
        return unsupported("createAppSession");
    }

    @Override
    public CompletionStage<Long> login(UserAccount account, boolean byEmail) {
        return unsupported("login");
    }

    /** The pool signs its user in with the credentials it was given; {@code account} is that user. */
    @Override
    public CompletionStage<Long> startUserSession(UserAccount account) {
        return user.getSession().thenApply(Session::userId);
    }

    @Override
    public CompletionStage<Long> signUp(UserAccount account) {
        return unsupported("signUp");
    }

    @Override
    public CompletionStage<Void> getSession() {
        return user.getSession().thenApply(session -> null);
    }

    @Override
    public CompletionStage<Void> apiCall(String path) {
        return user.execute(ApiRequest.get(path)).thenApply(response -> null);
    }

    @Override
    public CompletionStage<Void> destroySession() {
        return user.destroySession();
    }

    /** Nothing to release: the pool belongs to the driver. */
    @Override
    public void close() {
    }

    private static <T> CompletionStage<T> unsupported(String call) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException(call + " does not apply to a pooled "
                + "user"));
    }
}
