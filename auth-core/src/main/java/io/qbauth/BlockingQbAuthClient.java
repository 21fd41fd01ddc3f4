package io.qbauth;

import io.qbauth.domain.ApiRequest;
import io.qbauth.domain.ApiResponse;
import io.qbauth.domain.ConfigurationException;
import io.qbauth.domain.Credentials;
import io.qbauth.domain.NewUser;
import io.qbauth.domain.Session;
import io.qbauth.domain.User;
import io.qbauth.spi.CallerThread;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Blocking view of a {@link QbAuthClient}: each method waits for the asynchronous call and throws its
 * {@link io.qbauth.domain.AuthException} directly (not wrapped in a {@code CompletionException}). Thread-safe;
 * waiting parks the thread, so it suits virtual threads. If the waiting thread is interrupted, the method throws
 * {@link CancellationException} and keeps the interrupt status. Each call {@linkplain CallerThread lends} the waiting
 * thread to its exchange, so a transport on a blocking client (the JDK's) runs it right there, with no hand-off to
 * another thread and back. Get one with {@link QbAuthClient#blocking()}.
 *
 * <p>Never call it on a thread the transport completes its exchanges on — a Vert.x event loop with the Vert.x
 * transport: the call would wait for a reply (and a timeout) that needs that very thread, and block it for good.
 * Each method asks the transport first ({@link io.qbauth.spi.AuthTransport#currentThreadMustNotBlock()}) and, on
 * such a thread, throws {@link ConfigurationException} at once, before anything is sent; use the asynchronous
 * {@link QbAuthClient} there.
 */
public final class BlockingQbAuthClient {

    private final QbAuthClient client;
    private final BooleanSupplier currentThreadMustNotBlock;

    BlockingQbAuthClient(QbAuthClient client) {
        this(client, () -> false);
    }

    /** @param currentThreadMustNotBlock asked before each call; {@code true} refuses the call on this thread */
    BlockingQbAuthClient(QbAuthClient client, BooleanSupplier currentThreadMustNotBlock) {
        this.client = client;
        this.currentThreadMustNotBlock = currentThreadMustNotBlock;
    }

    /**
     * The same blocking view, calling through {@code decorator} instead: for a client decorator (see
     * {@link QbAuth.Builder#decorateClient}) whose {@code blocking()} must keep the thread rule of the client it wraps,
     * which only that client knows. A decorator overrides {@code blocking()} with
     * {@code return delegate.blocking().through(this);}.
     */
    public BlockingQbAuthClient through(QbAuthClient decorator) {
        return new BlockingQbAuthClient(Objects.requireNonNull(decorator, "decorator"),
                currentThreadMustNotBlock);
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

    /**
     * Refuses a thread that must not block, else starts {@code call} with this thread {@linkplain CallerThread#lend
     * lent} to its exchange, then waits.
     */
    private <T> T await(Supplier<? extends CompletionStage<T>> call) {
        if (currentThreadMustNotBlock.getAsBoolean()) {
            throw new ConfigurationException("a blocking call on " + Thread.currentThread().getName()
                    + ", a thread the transport needs to complete it (e.g. a Vert.x event loop), would block it for "
                    + "good: use the asynchronous API (QbAuthClient) there, or make the blocking call from a worker "
                    + "or virtual thread");
        }
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
