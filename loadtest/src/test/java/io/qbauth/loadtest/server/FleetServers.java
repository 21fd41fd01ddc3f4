package io.qbauth.loadtest.server;

import io.qbauth.emulator.EmulatorApp;
import io.qbauth.emulator.EmulatorStats;
import io.qbauth.emulator.PlanLimits;
import io.qbauth.emulator.QbEmulator;
import io.qbauth.loadtest.LoadConfig;
import io.qbauth.testkit.redis.RedisServerProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the fleet scenario runs against, started in this JVM and stopped at the end: one emulator with the short
 * session TTL and a plan limit on session creations, with one application per side (the limit is per application,
 * so each side has all of it), each seeded with the same number of users; and, for the Redis side, a
 * {@code redis-server} of its own on a free loopback port in a temporary directory (never a system one).
 */
public final class FleetServers implements AutoCloseable {

    private static final long FIRST_APP_ID = 79_001;
    /** PBKDF2 iterations: every identity signs in again every wave (the default is 10 000). */
    private static final int HASH_ITERATIONS = 100;
    private static final int MAX_CONNECTIONS = 10_000;

    private final QbEmulator emulator;
    private final Map<String, AppCredentials> apps;
    private final Map<String, List<UserAccount>> users;
    private final RedisServerProcess redis;

    private FleetServers(QbEmulator emulator, Map<String, AppCredentials> apps, Map<String, List<UserAccount>> users,
            RedisServerProcess redis) {
        this.emulator = emulator;
        this.apps = apps;
        this.users = users;
        this.redis = redis;
    }

    /**
     * Starts the emulator and, when {@code sides} has the Redis side, a {@code redis-server}.
     *
     * @param sides              the sides, one application each
     * @param identities         users seeded per application
     * @param sessionTtl         the emulator's sliding session lifetime
     * @param creationsPerSecond the plan limit: session creations per second per application
     */
    public static FleetServers start(List<String> sides, int identities, Duration sessionTtl,
            int creationsPerSecond) {
        QbEmulator.Builder builder = QbEmulator.builder().sessionTtl(sessionTtl).maxConnections(MAX_CONNECTIONS)
                .passwordHashIterations(HASH_ITERATIONS)
                .planLimits(PlanLimits.none().withSessionCreationsPerSecond(creationsPerSecond));
        Map<String, Long> ids = new LinkedHashMap<>();
        Map<String, List<UserAccount>> users = new LinkedHashMap<>();
        long nextId = FIRST_APP_ID;
        for (String side : sides) {
            long id = nextId++;
            builder.app(EmulatorApp.of(id, "fleetKey" + id, "fleetSecret" + id));
            List<UserAccount> seeded = new ArrayList<>(identities);
            for (int i = 0; i < identities; i++) {
                UserAccount user = new UserAccount("fl_" + id + "_" + i, "fl" + i + "." + id + "@loadtest.local",
                        "FleetPass-" + i + "!");
                builder.user(id, user.login(), user.password(), user.email(), null);
                seeded.add(user);
            }
            ids.put(side, id);
            users.put(side, List.copyOf(seeded));
        }
        RedisServerProcess redis = null;
        QbEmulator emulator = builder.start();
        try {
            if (sides.contains(LoadConfig.Fleet.REDIS)) {
                redis = RedisServerProcess.startStandalone();
            }
        } catch (IOException | RuntimeException e) {
            emulator.close();
            throw new IllegalStateException("the fleet scenario could not start its redis-server", e);
        } catch (InterruptedException e) {
            emulator.close();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting redis-server", e);
        }
        Map<String, AppCredentials> apps = new LinkedHashMap<>();
        ids.forEach((side, id) -> apps.put(side, new AppCredentials(emulator.baseUrl(), id, "fleetKey" + id,
                "fleetSecret" + id)));
        return new FleetServers(emulator, Map.copyOf(apps), Map.copyOf(users), redis);
    }

    /** The application of {@code side}. */
    public AppCredentials app(String side) {
        return apps.get(side);
    }

    /** The users of {@code side}'s application, the fleet's identities. */
    public List<UserAccount> users(String side) {
        return users.get(side);
    }

    /** The emulator's counters for {@code side}'s application. */
    public EmulatorStats stats(String side) {
        return emulator.stats(app(side).id());
    }

    /** The Redis side's {@code redis://127.0.0.1:port}, when it runs. */
    public Optional<String> redisUri() {
        return Optional.ofNullable(redis).map(RedisServerProcess::uri);
    }

    /**
     * Calls per Redis command since the server started ({@code INFO commandstats}), e.g. {@code evalsha -> 1234};
     * empty without the Redis side. Each call of this method adds one {@code info}.
     */
    public Map<String, Long> redisCommandCalls() {
        if (redis == null) {
            return Map.of();
        }
        try {
            return redis.commandCalls();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the fleet's Redis command statistics", e);
        }
    }

    @Override
    public void close() {
        try {
            emulator.close();
        } finally {
            if (redis != null) {
                try {
                    redis.close();
                } catch (IOException e) {
                    System.getLogger(FleetServers.class.getName()).log(System.Logger.Level.WARNING,
                            "could not stop the fleet's redis-server", e);
                }
            }
        }
    }

    @Override
    public String toString() {
        return "FleetServers[emulator " + emulator.baseUrl() + ", redis " + redisUri().orElse("none") + ", sides "
                + apps.keySet() + "]";
    }
}
