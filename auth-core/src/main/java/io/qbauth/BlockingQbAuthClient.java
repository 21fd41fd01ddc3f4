package io.qbauth;

import io.qbauth.domain.ApiRequest;
import io.qbauth.domain.ApiResponse;
import io.qbauth.domain.ConfigurationException;
import io.qbauth.domain.Credentials;
import io.qbauth.domain.NewUser;
import io.qbauth.domain.Session;
import io.qbauth.domain.User;
import io.qbauth.spi.CallerThread;
import io.qbauth.spi.TransportSupport;
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
 * waiting parks the thread, so it suits virtual threads. Get one with {@link QbAuthClient#blocking()}.
 *
 * <p><b>Interrupts</b>, the same on every transport: a method called on an interrupted thread sends nothing and
 * throws {@link CancellationException}; a thread interrupted while its call is in progress stops waiting and gets a
 * {@link CancellationException} too (its cause is the call's failure, if the call failed meanwhile), unless the call
 * had already succeeded. Either way the interrupt status stays set, for the caller to see, and the call is
 * abandoned: its outcome is dropped. An interrupt the SDK delivers to the thread itself (the JDK transport cuts an
 * exchange at its deadline that way) is cleared before the method returns, so none is left behind for the code that
 * runs on the thread next.
 *
 * <p>Each call {@linkplain CallerThread lends} the waiting thread to its exchange, so a transport on a blocking
 * client (the JDK's) runs it right there, with no hand-off to another thread and back. On such a thread the interrupt
 * ends the exchange itself (the JDK transport aborts it and closes its connection); otherwise the exchange runs to its
 * reply or its timeout unobserved.
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
     * lent} to its exchange, then waits; see the class comment for interrupts. A transport that ran the exchange on
     * the lent thread and was interrupted there completes the call with a failure and leaves the interrupt status
     * set: that is a cancellation too.
     */
    private <T> T await(Supplier<? extends CompletionStage<T>> call) {
        return await(currentThreadMustNotBlock, call);
    }

    /** The waiting rule of every blocking view (this one, {@link BlockingPooledUser}): see {@link #await(Supplier)}. */
    static <T> T await(BooleanSupplier currentThreadMustNotBlock, Supplier<? extends CompletionStage<T>> call) {
        if (currentThreadMustNotBlock.getAsBoolean()) {
            throw new ConfigurationException("a blocking call on " + Thread.currentThread().getName()
                    + ", a thread the transport needs to complete it (e.g. a Vert.x event loop), would block it for "
                    + "good: use the asynchronous API (QbAuthClient) there, or make the blocking call from a worker "
                    + "or virtual thread");
        }
        if (Thread.currentThread().isInterrupted()) {
            throw cancelled("interrupted before the call: nothing was sent", null);
        }
        CompletionStage<T> stage = CallerThread.lend(call);
        try {
            return stage.toCompletableFuture().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw cancelled("interrupted while waiting for QuickBlox", e);
        } catch (ExecutionException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw cancelled("interrupted while waiting for QuickBlox", e.getCause());
            }
            throw unwrap(e.getCause());
        }
    }

    private static CancellationException cancelled(String message, Throwable cause) {
        CancellationException cancelled = new CancellationException(message);
        if (cause != null) {
            cancelled.initCause(TransportSupport.unwrap(cause));
        }
        return cancelled;
    }

    private static RuntimeException unwrap(Throwable failure) {
        Throwable cause = TransportSupport.unwrap(failure);
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new CompletionException(cause);
    }
}
