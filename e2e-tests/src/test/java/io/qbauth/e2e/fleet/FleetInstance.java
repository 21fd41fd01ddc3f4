package io.qbauth.e2e.fleet;

import io.qbauth.QbAuth;
import io.qbauth.QbAuthClient;
import io.qbauth.UserPool;
import io.qbauth.adapter.store.redis.AesGcmSessionCipher;
import io.qbauth.adapter.store.redis.RedisSessionStore;
import io.qbauth.config.TransportConfig;
import io.qbauth.config.UserPoolConfig;
import io.qbauth.e2e.support.QuickBloxFixture;
import io.qbauth.emulator.QbEmulator;
import io.qbauth.event.AuthEvent;
import io.qbauth.spi.AuthTransport;
import io.qbauth.adapter.transport.jdk.JdkAuthTransport;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * One instance of a fleet, as a service would run it: its own transport, its own {@link RedisSessionStore} (its own
 * Redis connections), a client or a pool built with {@code sharedStore(store)}, and the events it heard. Closing it
 * closes the client or pool first, then the store and the transport (the application owns both).
 */
final class FleetInstance implements AutoCloseable {

    /** The AES-256 key every instance of the test fleet shares. */
    static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    final AuthTransport transport;
    final RedisSessionStore store;
    private final List<AuthEvent> heard;
    private final AutoCloseable sdk;
    private final QbAuthClient client;
    private final UserPool pool;

    private FleetInstance(AuthTransport transport, RedisSessionStore store, List<AuthEvent> heard,
                          QbAuthClient client, UserPool pool) {
        this.transport = transport;
        this.heard = heard;
        this.store = store;
        this.client = client;
        this.pool = pool;
        this.sdk = client != null ? client : pool;
    }

    /**
     * A store on {@code redisUri} with the fleet's key, warmed up by one round trip when Redis is there (a cold JVM
     * on a loaded machine may otherwise miss the first operation timeout and create locally, as it should).
     */
    static RedisSessionStore store(String redisUri) {
        RedisSessionStore store = RedisSessionStore.builder().uri(redisUri).cipher(AesGcmSessionCipher.withKey(KEY))
                .operationTimeout(Duration.ofSeconds(2)).build();
        try {
            store.backOffRemaining(QuickBloxFixture.APP_ID).toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception redisNotThere) {
            // some tests start without Redis on purpose
        }
        return store;
    }

    /** An instance with a client. */
    static FleetInstance client(QbEmulator emulator, String redisUri, UnaryOperator<QbAuth.Builder> customize) {
        return start(emulator, redisUri, customize, null);
    }

    /** An instance with a user pool. */
    static FleetInstance pool(QbEmulator emulator, String redisUri, UnaryOperator<QbAuth.Builder> customize) {
        return start(emulator, redisUri, customize, UserPoolConfig.defaults());
    }

    private static FleetInstance start(QbEmulator emulator, String redisUri, UnaryOperator<QbAuth.Builder> customize,
                                       UserPoolConfig poolConfig) {
        TransportConfig config = TransportConfig.builder().requestTimeout(Duration.ofSeconds(5)).build();
        AuthTransport transport = JdkAuthTransport.create(config);
        RedisSessionStore store = store(redisUri);
        List<AuthEvent> heard = new CopyOnWriteArrayList<>();
        QbAuth.Builder builder = customize.apply(QuickBloxFixture.client(emulator, transport).transportConfig(config)
                .sharedStore(store).listener(heard::add));
        return poolConfig == null
                ? new FleetInstance(transport, store, heard, builder.build(), null)
                : new FleetInstance(transport, store, heard, null, builder.buildUserPool(poolConfig));
    }

    /** Every event this instance heard so far. */
    List<AuthEvent> heard() {
        return heard;
    }

    QbAuthClient client() {
        return client;
    }

    UserPool pool() {
        return pool;
    }

    @Override
    public void close() throws Exception {
        try {
            sdk.close();
        } finally {
            try {
                store.close();
            } finally {
                transport.close();
            }
        }
    }
}
