package io.qbauth.loadtest.simulations;

import io.qbauth.QbAuth;
import io.qbauth.config.RefreshPolicy;
import io.qbauth.loadtest.LoadConfig;
import io.qbauth.loadtest.driver.Agent;
import io.qbauth.loadtest.driver.Driver;
import io.qbauth.loadtest.driver.RawDriver;
import io.qbauth.loadtest.driver.SdkDriver;
import io.qbauth.loadtest.gatling.CallStats;
import io.qbauth.loadtest.server.AppCredentials;
import io.qbauth.loadtest.server.EmulatorTarget;
import io.qbauth.loadtest.server.LoadTarget;
import io.qbauth.loadtest.server.RemoteTarget;
import io.qbauth.loadtest.server.UserAccount;
import io.qbauth.loadtest.server.Workload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Everything a run holds between {@link #start()} (the simulation's {@code before()}) and {@link #close()} (its
 * {@code after()}): the target, one driver per client, the shared identities, the many users, the call statistics and
 * the single-flight verdicts. The scenarios are built before the run starts and reach these through it.
 */
final class LoadRun implements AutoCloseable {

    /** The suffix of a client's name that tags its user pool's metrics apart from its clients'. */
    static final String POOL_SUFFIX = "-pool";

    private final LoadConfig config;
    private final Function<String, UnaryOperator<QbAuth.Builder>> instrumentation;
    private final CallStats stats = new CallStats();
    private final ExpiryWaves waves;
    private final ExpiryWaves poolWaves;
    private final Map<String, Driver> drivers = new LinkedHashMap<>();
    private final Map<String, List<SharedIdentity>> identities = new LinkedHashMap<>();
    private final Map<String, List<SharedIdentity>> manyUsers = new LinkedHashMap<>();
    private final Map<String, AtomicLong> cursors = new ConcurrentHashMap<>();
    private final Map<String, SingleFlightVerdict> verdicts = new ConcurrentHashMap<>();
    private final long runId = System.currentTimeMillis();
    private LoadTarget target;

    /**
     * @param instrumentation what to apply to every SDK client builder of a client (and, under the client's name
     *                        plus {@link #POOL_SUFFIX}, of its user pool), last (metrics)
     */
    LoadRun(LoadConfig config, Function<String, UnaryOperator<QbAuth.Builder>> instrumentation) {
        this.config = config;
        this.instrumentation = instrumentation;
        this.waves = new ExpiryWaves(config.activeWindow(), config.idleWindow(), config.refreshDuration());
        this.poolWaves = new ExpiryWaves(config.poolActiveWindow(), config.idleWindow(), config.poolDuration());
    }

    /** Starts the target and the clients; no request is sent yet. */
    void start() {
        target = config.baseUrl().isPresent() ? remoteTarget()
                : EmulatorTarget.start(config.clients(), config.sessionTtl(), config.stormUsers(),
                        config.identities(), config.manyUsers() ? config.poolUsers() : 0);
        for (String client : config.clients()) {
            Driver driver = client.equals(RawDriver.NAME)
                    ? new RawDriver(refreshPolicy().staleMargin(), config.rawHerd())
                    : new SdkDriver(SdkDriver.Transport.parse(client.substring("sdk-".length())), refreshPolicy(),
                            instrumentation.apply(client), instrumentation.apply(client + POOL_SUFFIX));
            drivers.put(client, driver);
            AppCredentials app = target.app(client, Workload.SESSION_REFRESH);
            List<UserAccount> users = target.users(client, Workload.SESSION_REFRESH);
            List<SharedIdentity> shared = new ArrayList<>();
            for (int i = 0; i < config.identities(); i++) {
                shared.add(new SharedIdentity(driver.newAgent(app), users.get(i % users.size())));
            }
            identities.put(client, List.copyOf(shared));
            if (config.manyUsers()) {
                manyUsers.put(client, pooled(driver, client));
            }
        }
        Warmup.run(config, target, drivers);
    }

    LoadConfig config() {
        return config;
    }

    CallStats stats() {
        return stats;
    }

    /** The session refresh's waves. */
    ExpiryWaves waves() {
        return waves;
    }

    /**
     * The many users' waves: their own clock (the phase runs after the session refresh), the same idle gap, at most
     * half a TTL long.
     */
    ExpiryWaves poolWaves() {
        return poolWaves;
    }

    LoadTarget target() {
        return target;
    }

    Driver driver(String client) {
        return drivers.get(client);
    }

    /** The next login-storm user of {@code client}, round robin. */
    UserAccount nextStormUser(String client) {
        List<UserAccount> users = target.users(client, Workload.LOGIN_STORM);
        return users.get((int) (cursor(client + "/storm").getAndIncrement() % users.size()));
    }

    /** A user nobody has signed up yet. */
    UserAccount newSignUpUser(String client) {
        long n = cursor(client + "/sign-up").getAndIncrement();
        String login = "lt_new_" + client.replace('-', '_') + "_" + runId + "_" + n;
        return new UserAccount(login, login + "@loadtest.local", "SignUp-" + n + "!");
    }

    /** The shared identity a new session-refresh virtual user of {@code client} works with, round robin. */
    SharedIdentity nextIdentity(String client) {
        List<SharedIdentity> shared = identities.get(client);
        return shared.get((int) (cursor(client + "/identity").getAndIncrement() % shared.size()));
    }

    /**
     * The user a new many-users virtual user of {@code client} works with: round robin over the users, each taken by
     * {@code poolCallersPerUser} consecutive virtual users, so the virtual users that open a wave together call in
     * groups on the same expired session.
     */
    SharedIdentity nextPoolUser(String client) {
        List<SharedIdentity> users = manyUsers.get(client);
        long slot = cursor(client + "/pool").getAndIncrement() / config.poolCallersPerUser();
        return users.get((int) (slot % users.size()));
    }

    void recordVerdict(SingleFlightVerdict verdict) {
        verdicts.put(verdict.client(), verdict);
    }

    /** The verdicts so far, by client. */
    Map<String, SingleFlightVerdict> verdicts() {
        return Map.copyOf(verdicts);
    }

    /**
     * When clients re-create sessions: the SDK's defaults (5 min / 60 s margins) against a remote target; scaled to
     * the emulator's short TTL otherwise, or every call would find the session inside the stale margin.
     */
    RefreshPolicy refreshPolicy() {
        if (!config.inProcessEmulator()) {
            return RefreshPolicy.ofDefaults();
        }
        Duration ttl = config.sessionTtl();
        return RefreshPolicy.custom().prefetchMargin(ttl.dividedBy(4)).staleMargin(ttl.dividedBy(8)).build();
    }

    /** Closes the clients and stops the target. */
    @Override
    public void close() {
        identities.values().forEach(shared -> shared.forEach(SharedIdentity::close));
        manyUsers.values().forEach(users -> users.forEach(SharedIdentity::close));
        drivers.values().forEach(Driver::close);
        if (target != null) {
            target.close();
        }
    }

    private List<SharedIdentity> pooled(Driver driver, String client) {
        List<UserAccount> users = target.users(client, Workload.MANY_USERS);
        List<Agent> agents = driver.userAgents(target.app(client, Workload.MANY_USERS), users);
        List<SharedIdentity> pooled = new ArrayList<>(users.size());
        for (int i = 0; i < users.size(); i++) {
            pooled.add(new SharedIdentity(agents.get(i), users.get(i)));
        }
        return List.copyOf(pooled);
    }

    private RemoteTarget remoteTarget() {
        LoadConfig.RemoteApp app = config.remoteApp().orElseThrow();
        return new RemoteTarget(config.baseUrl().orElseThrow(), app.id(), app.authKey(), app.authSecret(),
                config.usersFile().orElseThrow());
    }

    private AtomicLong cursor(String name) {
        return cursors.computeIfAbsent(name, key -> new AtomicLong());
    }
}
