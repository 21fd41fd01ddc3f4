package io.qbauth.emulator.internal;

import io.qbauth.emulator.EmulatorStats;
import io.qbauth.emulator.internal.auth.UserAuthenticator;
import io.qbauth.emulator.internal.faults.AdjustableClock;
import io.qbauth.emulator.internal.faults.FaultPlan;
import io.qbauth.emulator.internal.http.HttpApi;
import io.qbauth.emulator.internal.http.Services;
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
import java.security.SecureRandom;
import java.time.Instant;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A running emulator: its Vert.x instance, one HTTP server per event loop on a shared port, a worker pool for
 * password hashing and provider checks, and a periodic sweep of expired sessions.
 */
public final class EmulatorRuntime implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(EmulatorRuntime.class.getName());
    private static final long STARTUP_TIMEOUT_SECONDS = 30;
    private static final Duration MAX_SWEEP_INTERVAL = Duration.ofMinutes(1);
    private static final Duration MIN_SWEEP_INTERVAL = Duration.ofSeconds(1);
    /** Vert.x binds a negative port as one random port shared by every server instance that asks for it. */
    private static final int SHARED_RANDOM_PORT = -1;

    private final Vertx vertx;
    private final AppRegistry apps;
    private final HttpApi api;
    private final Services services;
    private final String host;
    private final int port;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmulatorRuntime(Vertx vertx, AppRegistry apps, HttpApi api, Services services, String host, int port) {
        this.vertx = vertx;
        this.apps = apps;
        this.api = api;
        this.services = services;
        this.host = host;
        this.port = port;
    }

    /** Seeds the users, starts the servers and returns once they listen. */
    public static EmulatorRuntime start(EmulatorConfig config) {
        SecureRandom random = new SecureRandom();
        AdjustableClock clock = new AdjustableClock(config.clock());
        SessionStore sessions = new SessionStore(config.sessionTtl(), random);
        AppRegistry apps = new AppRegistry(config.apps(), sessions, config.timestampWindow());
        PasswordHasher hasher = new PasswordHasher(config.passwordHashIterations(), random);
        seed(apps, hasher, config);
        Services services = new Services(apps, sessions, clock,
                new UserAuthenticator(hasher, config.providerTokenVerifier()), hasher,
                new FaultPlan(id -> apps.byId(id).isPresent()));
        HttpApi api = new HttpApi(services, config.maxBodyBytes());

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
                    .setMaxInitialLineLength(config.maxHeaderBytes());
            AtomicInteger boundPort = new AtomicInteger();
            await(vertx.deployVerticle(() -> new HttpApiVerticle(api, worker, options, boundPort::set),
                    new DeploymentOptions().setInstances(eventLoops)), config);
            int port = boundPort.get();
            long sweepMillis = sweepInterval(config.sessionTtl()).toMillis();
            vertx.setPeriodic(sweepMillis, sweepMillis, timer -> sessions.evictExpired(clock.instant()));
            LOG.log(Level.INFO, "QuickBlox emulator listening on {0}:{1} with {2} event loops",
                    config.host(), String.valueOf(port), eventLoops);
            return new EmulatorRuntime(vertx, apps, api, services, config.host(), port);
        } catch (RuntimeException e) {
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

    /** Forgets every session, as a restart would; returns how many were dropped. */
    public int dropSessions() {
        return services.sessions().clear();
    }

    /** Moves the emulator's clock; returns the new now. */
    public Instant jumpClock(Duration amount) {
        return services.clock().jump(amount);
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

    private static Duration sweepInterval(Duration ttl) {
        Duration half = ttl.dividedBy(2);
        if (half.compareTo(MIN_SWEEP_INTERVAL) < 0) {
            return MIN_SWEEP_INTERVAL;
        }
        return half.compareTo(MAX_SWEEP_INTERVAL) > 0 ? MAX_SWEEP_INTERVAL : half;
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
