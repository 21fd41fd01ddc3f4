package io.qbauth.loadtest.simulations;

import io.qbauth.config.RefreshPolicy;
import io.qbauth.emulator.EmulatorStats;
import io.qbauth.loadtest.LoadConfig;
import io.qbauth.loadtest.driver.Agent;
import io.qbauth.loadtest.driver.FleetDriver;
import io.qbauth.loadtest.server.FleetServers;
import io.qbauth.loadtest.server.UserAccount;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fleet scenario's state between {@link #start()} and {@link #close()}: the servers (emulator with the plan
 * limit, and Redis), one {@link FleetDriver} per side, every (instance, identity) pair as a {@link SharedIdentity},
 * each side's waves and verdict. Both sides run at the same time with the same settings, each on its own
 * application.
 */
final class FleetRun implements AutoCloseable {

    /** A side's client name: {@code fleet-redis}, {@code fleet-local}. */
    static String clientName(String side) {
        return "fleet-" + side;
    }

    private final LoadConfig config;
    private final LoadConfig.Fleet fleet;
    private final RefreshPolicy refreshPolicy;
    private final Map<String, ExpiryWaves> waves = new LinkedHashMap<>();
    private final Map<String, FleetDriver> drivers = new LinkedHashMap<>();
    private final Map<String, List<List<SharedIdentity>>> pairs = new LinkedHashMap<>();
    private final Map<String, AtomicLong> cursors = new ConcurrentHashMap<>();
    private final Map<String, FleetVerdict> verdicts = new ConcurrentHashMap<>();
    private FleetServers servers;
    private Map<String, Long> redisAtStart = Map.of();

    FleetRun(LoadConfig config, RefreshPolicy refreshPolicy) {
        this.config = config;
        this.fleet = config.fleet();
        this.refreshPolicy = refreshPolicy;
        for (String side : fleet.sides()) {
            waves.put(side, new ExpiryWaves(config.poolActiveWindow(), config.idleWindow(), fleet.duration()));
        }
    }

    /** Starts the servers and every side's instances; no request is sent yet. */
    void start() {
        servers = FleetServers.start(fleet.sides(), fleet.identities(), config.sessionTtl(),
                fleet.creationsPerSecond());
        for (String side : fleet.sides()) {
            List<UserAccount> users = servers.users(side);
            Optional<String> redis = side.equals(LoadConfig.Fleet.REDIS) ? servers.redisUri() : Optional.empty();
            FleetDriver driver = new FleetDriver(clientName(side), fleet.instances(), servers.app(side), users,
                    refreshPolicy, redis);
            drivers.put(side, driver);
            List<List<SharedIdentity>> byInstance = new ArrayList<>();
            for (int i = 0; i < driver.size(); i++) {
                List<Agent> agents = driver.agents(i, users);
                List<SharedIdentity> identities = new ArrayList<>(agents.size());
                for (int u = 0; u < agents.size(); u++) {
                    identities.add(new SharedIdentity(agents.get(u), users.get(u)));
                }
                byInstance.add(List.copyOf(identities));
            }
            pairs.put(side, List.copyOf(byInstance));
        }
        redisAtStart = servers.redisCommandCalls();
    }

    LoadConfig.Fleet settings() {
        return fleet;
    }

    ExpiryWaves waves(String side) {
        return waves.get(side);
    }

    /**
     * The (instance, identity) pair a new virtual user of {@code side} works with: consecutive virtual users take
     * the same identity on each instance in turn, then the next identity, so the virtual users that open a wave
     * together act for the same users from every instance at once.
     */
    SharedIdentity next(String side) {
        long slot = cursors.computeIfAbsent(side, key -> new AtomicLong()).getAndIncrement();
        int instances = fleet.instances();
        List<List<SharedIdentity>> byInstance = pairs.get(side);
        int identity = (int) ((slot / instances) % fleet.identities());
        return byInstance.get((int) (slot % instances)).get(identity);
    }

    /** Reads the side's counters at the end of its phase and records the verdict. */
    FleetVerdict verdict(String side) {
        EmulatorStats stats = servers.stats(side);
        boolean shared = side.equals(LoadConfig.Fleet.REDIS);
        Map<String, Long> redisNow = shared ? servers.redisCommandCalls() : Map.of();
        long scripts = shared ? added(redisNow, "evalsha") + added(redisNow, "eval") : -1;
        long commands = shared ? redisNow.keySet().stream().mapToLong(command -> added(redisNow, command)).sum() : -1;
        FleetVerdict verdict = new FleetVerdict(clientName(side), shared, fleet.instances(), fleet.identities(),
                Math.max(0, waves.get(side).wavesEntered() - 1), stats.sessionsCreated(),
                stats.sessionCreationsRateLimited(), scripts, commands);
        verdicts.put(side, verdict);
        return verdict;
    }

    /** The verdicts so far, by side. */
    Map<String, FleetVerdict> verdicts() {
        return Map.copyOf(verdicts);
    }

    /** Where the fleet runs, for the log. */
    String describe() {
        return String.valueOf(servers);
    }

    /** Calls of {@code command} since the fleet started. */
    private long added(Map<String, Long> now, String command) {
        return now.getOrDefault(command, 0L) - redisAtStart.getOrDefault(command, 0L);
    }

    @Override
    public void close() {
        pairs.values().forEach(byInstance -> byInstance.forEach(list -> list.forEach(SharedIdentity::close)));
        drivers.values().forEach(FleetDriver::close);
        if (servers != null) {
            servers.close();
        }
    }
}
