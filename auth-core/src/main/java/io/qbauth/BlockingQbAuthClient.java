package io.qbauth;

import io.qbauth.domain.ApiRequest;
import io.qbauth.domain.ApiResponse;
import io.qbauth.domain.Credentials;
import io.qbauth.domain.NewUser;
import io.qbauth.domain.Session;
import io.qbauth.domain.User;
import io.qbauth.spi.CallerThread;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Blocking view of a {@link QbAuthClient}: each method waits for the asynchronous call and throws its
 * {@link io.qbauth.domain.AuthException} directly (not wrapped in a {@code CompletionException}). Thread-safe;
 * waiting parks the thread, so it suits virtual threads. If the waiting thread is interrupted, the method throws
 * {@link CancellationException} and keeps the interrupt status. Each call {@linkplain CallerThread lends} the waiting
 * thread to its exchange, so a transport on a blocking client (the JDK's) runs it right there, with no hand-off to
 * another thread and back. Get one with {@link QbAuthClient#blocking()}.
 */
public final class BlockingQbAuthClient {

    private final QbAuthClient client;

    BlockingQbAuthClient(QbAuthClient client) {
        this.client = client;
    }

    /** See {@link QbAuthClient#createApplicationSession()}. */
    public Session createApplicationSession() {
        return await(client::createApplicationSession);
    }

    /** See {@link QbAuthClient#createUserSession(Credentials)}. */
    public Session createUserSession(Credentials credentials) {
        return await(() -> client.createUserSession(credentials));
    }

    /** See {@link QbAuthClient#getSession()}. */
    public Session getSession() {
        return await(client::getSession);
    }

    /** See {@link QbAuthClient#signUp(NewUser)}. */
    public User signUp(NewUser user) {
        return await(() -> client.signUp(user));
    }

    /** See {@link QbAuthClient#signUpWithApiKey(NewUser)}. */
    public User signUpWithApiKey(NewUser user) {
        return await(() -> client.signUpWithApiKey(user));
    }

    /** See {@link QbAuthClient#login(Credentials)}. */
    public User login(Credentials credentials) {
        return await(() -> client.login(credentials));
    }

    /** See {@link QbAuthClient#logout()}. */
    public void logout() {
        await(client::logout);
    }

    /** See {@link QbAuthClient#destroySession()}. */
    public void destroySession() {
        await(client::destroySession);
    }

    /** See {@link QbAuthClient#startSessionWithToken(String)}. */
    public Session startSessionWithToken(String token) {
        return await(() -> client.startSessionWithToken(token));
    }

    /** See {@link QbAuthClient#currentSession()}. */
    public Optional<Session> currentSession() {
        return client.currentSession();
    }

    /** See {@link QbAuthClient#execute(ApiRequest)}. */
    public ApiResponse execute(ApiRequest request) {
        return await(() -> client.execute(request));
    }

    /** Starts {@code call} with this thread {@linkplain CallerThread#lend lent} to its exchange, then waits. */
    private static <T> T await(Supplier<? extends CompletionStage<T>> call) {
        CompletionStage<T> stage = CallerThread.lend(call);
        try {
            return stage.toCompletableFuture().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            CancellationException cancelled = new CancellationException("interrupted while waiting for QuickBlox");
            cancelled.initCause(e);
            throw cancelled;
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        }
    }

    private static RuntimeException unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new CompletionException(cause);
    }
}
