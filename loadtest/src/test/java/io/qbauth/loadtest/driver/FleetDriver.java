package io.qbauth.loadtest.driver;

import io.qbauth.QbAuth;
import io.qbauth.UserPool;
import io.qbauth.adapter.codec.jackson.JacksonJsonCodec;
import io.qbauth.adapter.store.redis.AesGcmSessionCipher;
import io.qbauth.adapter.store.redis.RedisSessionStore;
import io.qbauth.adapter.transport.jdk.JdkAuthTransport;
import io.qbauth.config.RefreshPolicy;
import io.qbauth.config.TransportConfig;
import io.qbauth.config.UserPoolConfig;
import io.qbauth.domain.Credentials;
import io.qbauth.loadtest.server.AppCredentials;
import io.qbauth.loadtest.server.UserAccount;
import io.qbauth.spi.AuthTransport;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A fleet of SDK instances in this JVM, as a service deployed N times would run them: each instance has its own
 * {@link UserPool}, its own JDK transport (its own connections) and, when the fleet shares its sessions, its own
 * {@link RedisSessionStore} (its own Redis connections), all sealing with the fleet's one key. Nothing is shared
 * between instances but the application, the users and Redis.
 */
public final class FleetDriver implements AutoCloseable {

    private final String name;
    private final List<Instance> instances = new ArrayList<>();

    private record Instance(AuthTransport transport, Optional<RedisSessionStore> store, UserPool pool) {
    }

    /**
     * Starts {@code count} instances for {@code app}, each holding every one of {@code users} ({@code maxIdentities}
     * = their number, so none is evicted).
     *
     * @param name          the side's name in the report ({@code fleet-redis}, {@code fleet-local})
     * @param count         instances
     * @param app           the fleet's application
     * @param users         the identities every instance acts for
     * @param refreshPolicy when sessions are re-created (scaled to the emulator's short TTL)
     * @param redisUri      the shared store's Redis, or empty for a fleet that does not share its sessions
     */
    public FleetDriver(String name, int count, AppCredentials app, List<UserAccount> users,
            RefreshPolicy refreshPolicy, Optional<String> redisUri) {
        this.name = Objects.requireNonNull(name, "name");
        byte[] fleetKey = new byte[32];
        new SecureRandom().nextBytes(fleetKey);
        try {
            for (int i = 0; i < count; i++) {
                AuthTransport transport = JdkAuthTransport.create(TransportConfig.defaults());
                Optional<RedisSessionStore> store = redisUri.map(uri -> RedisSessionStore.builder().uri(uri)
                        .cipher(AesGcmSessionCipher.withKey(fleetKey)).build());
                QbAuth.Builder builder = QbAuth.builder()
                        .endpoint(app.baseUrl())
                        .allowPlainHttp("http".equalsIgnoreCase(app.baseUrl().getScheme()))
                        .applicationId(app.id())
                        .authKey(app.authKey())
                        .authSecret(app.authSecret())
                        .refreshPolicy(refreshPolicy)
                        .transport(transport)
                        .codec(new JacksonJsonCodec());
                store.ifPresent(builder::sharedStore);
                UserPool pool;
                try {
                    pool = builder.buildUserPool(UserPoolConfig.builder().maxIdentities(Math.max(1, users.size()))
                            .build());
                } catch (RuntimeException e) {
                    store.ifPresent(RedisSessionStore::close);
                    transport.close();
                    throw e;
                }
                instances.add(new Instance(transport, store, pool));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The side's name. */
    public String name() {
        return name;
    }

    /** The number of instances. */
    public int size() {
        return instances.size();
    }

    /**
     * The agents of instance {@code instance}, one per user in the order of {@code users}: each keyed by its login
     * in that instance's pool, signing in with its login and password. Only the user-session calls apply.
     */
    public List<Agent> agents(int instance, List<UserAccount> users) {
        UserPool pool = instances.get(instance).pool();
        return users.stream()
                .<Agent>map(user -> new PooledAgent(pool.forUser(user.login(),
                        Credentials.login(user.login(), user.password()))))
                .toList();
    }

    /** Closes every instance: its pool, then the store it was given (the application owns it), then transport. */
    @Override
    public void close() {
        for (Instance instance : instances) {
            instance.pool().close();
            instance.store().ifPresent(RedisSessionStore::close);
            instance.transport().close();
        }
        instances.clear();
    }

    @Override
    public String toString() {
        return "FleetDriver[" + name + ", " + instances.size() + " instances]";
    }
}
