package io.qbauth.emulator.internal;

import io.qbauth.emulator.EmulatorApp;
import io.qbauth.emulator.EmulatorStats;
import io.qbauth.emulator.PlanLimits;
import io.qbauth.emulator.internal.auth.UserAuthenticator;
import io.qbauth.emulator.internal.faults.AdjustableClock;
import io.qbauth.emulator.internal.faults.FaultPlan;
import io.qbauth.emulator.internal.http.HttpApi;
import io.qbauth.emulator.internal.http.endpoints.Services;
import io.qbauth.emulator.internal.limits.PlanLimiter;
import io.qbauth.emulator.internal.security.PasswordHasher;
import io.qbauth.emulator.internal.state.AppRegistry;
import io.qbauth.emulator.internal.state.AppState;
import io.qbauth.emulator.internal.state.SessionStore;
import io.qbauth.emulator.internal.state.UserProfile;
import io.qbauth.emulator.internal.state.ValidationFailure;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.core.http.HttpServerOptions;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A running emulator: its Vert.x instance, one HTTP server per event loop on a shared port, a worker pool for
 * password hashing and provider checks, and a periodic sweep of expired sessions (every second on the emulator's own
 * Vert.x timer, at most {@value #SWEEP_BUDGET} sessions examined per sweep, expiry judged by the emulator's clock).
 */
public final class EmulatorRuntime implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(EmulatorRuntime.class.getName());
    private static final long STARTUP_TIMEOUT_SECONDS = 30;
    private static final long SWEEP_INTERVAL_MILLIS = 1_000;
    /** Sessions one sweep examines at most: a sweep is bounded work on the timer thread, whatever the count. */
    static final int SWEEP_BUDGET = 10_000;
    private static final int GENERATED_TOKEN_BYTES = 24;
    /** Vert.x binds a negative port as one random port shared by every server instance that asks for it. */
    private static final int SHARED_RANDOM_PORT = -1;

    private final Vertx vertx;
    private final AppRegistry apps;
    private final HttpApi api;
    private final Services services;
    private final String host;
    private final int port;
    private final String controlToken;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmulatorRuntime(Vertx vertx, AppRegistry apps, HttpApi api, Services services, String host, int port,
            String controlToken) {
        this.vertx = vertx;
        this.apps = apps;
        this.api = api;
        this.services = services;
        this.host = host;
        this.port = port;
        this.controlToken = controlToken;
    }

    /** Seeds the users, starts the servers and returns once they listen. */
    public static EmulatorRuntime start(EmulatorConfig config) {
        SecureRandom random = new SecureRandom();
        AdjustableClock clock = new AdjustableClock(config.clock());
        SessionStore sessions = new SessionStore(config.sessionTtl(), config.limits().maxSessionsPerApp(), random);
        AppRegistry apps = new AppRegistry(config.apps(), sessions, config.timestampWindow());
        PasswordHasher hasher = new PasswordHasher(config.passwordHashIterations(), random);
        seed(apps, hasher, config);
        Services services = new Services(apps, sessions, clock,
                new UserAuthenticator(hasher, config.providerTokenVerifier()), hasher,
                new FaultPlan(id -> apps.byId(id).isPresent()),
                new PlanLimiter(config.planLimits(), config.apps().stream().map(EmulatorApp::id).toList(), clock));
        boolean loopback = isLoopback(config.host());
        String controlToken = config.controlToken() != null || loopback
                ? config.controlToken()
                : HexFormat.of().formatHex(token(random));
        HttpApi api = new HttpApi(services, config.maxBodyBytes(), config.limits(),
                new HttpApi.ControlAccess(loopback, controlToken), config.account());

        int eventLoops = Math.max(2, Runtime.getRuntime().availableProcessors());
        Vertx vertx = Vertx.vertx(new VertxOptions()
                .setEventLoopPoolSize(eventLoops)
                .setFileSystemOptions(new FileSystemOptions()
                        .setFileCachingEnabled(false)
                        .setClassPathResolvingEnabled(false)));
        try {
            WorkerExecutor worker = vertx.createSharedWorkerExecutor("qbauth-emulator-credentials", eventLoops);
            HttpServerOptions options = new HttpServerOptions()
                    .setHost(config.host())
                    .setPort(config.port() == 0 ? SHARED_RANDOM_PORT : config.port())
                    .setMaxHeaderSize(config.maxHeaderBytes())
                    .setMaxInitialLineLength(config.maxHeaderBytes())
                    // no h2c: QuickBlox speaks HTTP/1.1 here, and the HTTP/1 pipeline is then set up at accept, so a
                    // connection is counted, capped and timed from its first moment, not from its first bytes
                    .setHttp2ClearTextEnabled(false)
                    // read idle, not all idle: Netty's all-idle check puts a listener on every write
                    .setReadIdleTimeout((int) Math.min(Integer.MAX_VALUE, config.limits().idleTimeout().toMillis()))
                    .setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
            AtomicInteger boundPort = new AtomicInteger();
            await(vertx.deployVerticle(() -> new HttpApiVerticle(api, worker, options, boundPort::set),
                    new DeploymentOptions().setInstances(eventLoops)), config);
            int port = boundPort.get();
            vertx.setPeriodic(SWEEP_INTERVAL_MILLIS, SWEEP_INTERVAL_MILLIS,
                    timer -> sessions.sweep(clock.instant(), SWEEP_BUDGET));
            LOG.log(Level.INFO, "QuickBlox emulator listening on {0}:{1} with {2} event loops",
                    config.host(), String.valueOf(port), eventLoops);
            if (!loopback) {
                LOG.log(Level.WARNING, "QuickBlox emulator bound to {0}, which is not loopback: anyone who can reach "
                        + "port {1} can use it. Its /_emulator/ endpoints (faults, clock, restart, request journal) "
                        + "require the control token ({2}).", config.host(), String.valueOf(port),
                        config.controlToken() == null ? "generated: QbEmulator.controlToken(), printed by the jar"
                                : "the one configured");
            }
            return new EmulatorRuntime(vertx, apps, api, services, config.host(), port, controlToken);
        } catch (Throwable e) { // a verifier or clock of the application may throw anything: never leak the Vertx
            vertx.close();
            throw e;
        }
    }

    /** The host the servers bind. */
    public String host() {
        return host;
    }

    /** The port the servers bind. */
    public int port() {
        return port;
    }

    /** Counters of one application. */
    public EmulatorStats stats(long applicationId) {
        return app(applicationId).stats(services.clock().instant());
    }

    /** The fault rules switched on. */
    public FaultPlan faults() {
        return services.faults();
    }

    /** The plan limits in force. */
    public PlanLimits planLimits() {
        return services.limits().limits();
    }

    /** Puts other plan limits in force at once; every window starts afresh. */
    public void updatePlanLimits(PlanLimits limits) {
        services.limits().update(limits);
    }

    /** Forgets every session, as a restart would; returns how many were dropped. */
    public int dropSessions() {
        return services.sessions().clear();
    }

    /** Moves the emulator's clock; returns the new now. */
    public Instant jumpClock(Duration amount) {
        return services.clock().jump(amount);
    }

    /** The token the {@code /_emulator/} endpoints require, if any. */
    public Optional<String> controlToken() {
        return Optional.ofNullable(controlToken);
    }

    /** HTTP connections open now. */
    public long openConnections() {
        return api.openConnections();
    }

    /** Zeroes all counters. */
    public void resetStats() {
        api.resetStats();
    }

    /** Stops the servers and Vert.x; idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(STARTUP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(Level.WARNING, "emulator did not stop cleanly: {0}", e.getClass().getName());
        }
    }

    private AppState app(long applicationId) {
        return apps.byId(applicationId)
                .orElseThrow(() -> new IllegalArgumentException("no application " + applicationId));
    }

    private static void seed(AppRegistry apps, PasswordHasher hasher, EmulatorConfig config) {
        for (SeedUser user : config.users()) {
            AppState app = apps.byId(user.applicationId()).orElseThrow(() -> new IllegalArgumentException(
                    "user " + user.login() + " is seeded into unknown application " + user.applicationId()));
            UserProfile profile = UserProfile.builder()
                    .login(user.login()).email(user.email()).fullName(user.fullName()).build();
            try {
                app.users().create(profile, hasher.hash(user.password()), config.clock().instant());
            } catch (ValidationFailure taken) {
                throw new IllegalArgumentException("seeded user " + user.login() + " of application "
                        + user.applicationId() + " clashes with another: " + taken.errors().keySet(), taken);
            }
        }
    }

    private static byte[] token(SecureRandom random) {
        byte[] bytes = new byte[GENERATED_TOKEN_BYTES];
        random.nextBytes(bytes);
        return bytes;
    }

    /** Whether {@code host} is a loopback name or address ({@code 0.0.0.0} and other addresses are not). */
    static boolean isLoopback(String host) {
        String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        try {
            return InetAddress.getByName(name).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static <T> T await(Future<T> future, EmulatorConfig config) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(STARTUP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the emulator", e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IllegalStateException("cannot listen on " + config.host() + ":" + config.port(), cause);
        }
    }
}
