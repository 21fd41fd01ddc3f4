package io.qbauth;

import io.qbauth.domain.ApiRequest;
import io.qbauth.domain.ApiResponse;
import io.qbauth.domain.MintedToken;
import io.qbauth.domain.Session;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Blocking view of a {@link PooledUser}: each method waits and throws the {@link io.qbauth.domain.AuthException}
 * directly, with the interrupt and thread rules of {@link BlockingQbAuthClient} (a thread the transport needs, such
 * as a Vert.x event loop, is refused with a {@link io.qbauth.domain.ConfigurationException} before anything is
 * sent). Get one with {@link PooledUser#blocking()}.
 */
public final class BlockingPooledUser {

    private final PooledUser user;
    private final BooleanSupplier currentThreadMustNotBlock;

    BlockingPooledUser(PooledUser user, BooleanSupplier currentThreadMustNotBlock) {
        this.user = user;
        this.currentThreadMustNotBlock = currentThreadMustNotBlock;
    }

    /** See {@link PooledUser#getSession()}. */
    public Session getSession() {
        return BlockingQbAuthClient.await(currentThreadMustNotBlock, user::getSession);
    }

    /** See {@link PooledUser#execute(ApiRequest)}. */
    public ApiResponse execute(ApiRequest request) {
        return BlockingQbAuthClient.await(currentThreadMustNotBlock, () -> user.execute(request));
    }

    /** See {@link PooledUser#mintToken(Duration)}. */
    public MintedToken mintToken(Duration minRemaining) {
        return BlockingQbAuthClient.await(currentThreadMustNotBlock, () -> user.mintToken(minRemaining));
    }

    /** See {@link PooledUser#logout()}. */
    public void logout() {
        BlockingQbAuthClient.await(currentThreadMustNotBlock, user::logout);
    }

    /** See {@link PooledUser#destroySession()}. */
    public void destroySession() {
        BlockingQbAuthClient.await(currentThreadMustNotBlock, user::destroySession);
    }

    /** See {@link PooledUser#currentSession()}. */
    public Optional<Session> currentSession() {
        return user.currentSession();
    }
}
