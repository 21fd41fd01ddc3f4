package io.qbauth.emulator;

import io.qbauth.emulator.internal.EmulatorConfig;
import io.qbauth.emulator.internal.EmulatorRuntime;
import io.qbauth.emulator.internal.SeedUser;
import io.qbauth.emulator.internal.http.endpoints.AccountSettings;
import io.qbauth.emulator.internal.http.ServerLimits;
import io.qbauth.emulator.internal.security.Secret;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A running QuickBlox-compatible authentication server on Vert.x: sessions, login, logout, sign-up and API-key
 * tokens as the protocol doc describes them. Thread-safe; close it to stop the server.
 *
 * <pre>{@code
 * try (QbEmulator emu = QbEmulator.builder()
 *         .app(EmulatorApp.of(12345L, "authKey", "authSecret"))
 *         .user(12345L, "alice_qb", "alicePass123")
 *         .start()) {
 *     URI api = emu.baseUrl();
 *     ...
 *     assert emu.stats(12345L).sessionsCreated() == 1;
 * }
 * }</pre>
 */
public final class QbEmulator implements AutoCloseable {

    private final EmulatorRuntime runtime;
    private final URI baseUrl;
    private final EmulatorFaults faults;

    private QbEmulator(EmulatorRuntime runtime) {
        this.runtime = runtime;
        this.faults = new EmulatorFaults(runtime.faults());
        String host = runtime.host().contains(":") ? "[" + runtime.host() + "]" : runtime.host();
        this.baseUrl = URI.create("http://" + host + ":" + runtime.port());
    }

    /** A builder with the defaults: 127.0.0.1, a random free port, 2 h sessions, the system UTC clock. */
    public static Builder builder() {
        return new Builder();
    }

    /** The base URL of the API, e.g. {@code http://127.0.0.1:41234}. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** The bound port. */
    public int port() {
        return runtime.port();
    }

    /**
     * A snapshot of one application's counters.
     *
     * @throws IllegalArgumentException when the application is not configured
     */
    public EmulatorStats stats(long applicationId) {
        return runtime.stats(applicationId);
    }

    /** Zeroes every counter (live sessions are state and stay). */
    public void resetStats() {
        runtime.resetStats();
    }

    /** The fault modes: switch faults on and off while the emulator runs (also over HTTP, {@code /_emulator/faults}). */
    public EmulatorFaults faults() {
        return faults;
    }

    /** The plan limits in force (see {@link AbstractBuilder#planLimits}). */
    public PlanLimits planLimits() {
        return runtime.planLimits();
    }

    /**
     * Puts other plan limits in force while the emulator runs; every limit window starts afresh. Also
     * {@code PUT /_emulator/limits}.
     */
    public void planLimits(PlanLimits limits) {
        runtime.updatePlanLimits(Objects.requireNonNull(limits, "limits"));
    }

    /**
     * Simulates a restart that keeps no session state: every session is forgotten, so every token is answered with
     * 401 {@code Required session does not exist}; applications, users and counters stay, and open connections are
     * not closed. Also {@code POST /_emulator/restart}.
     *
     * @return how many sessions were dropped
     */
    public int restart() {
        return runtime.dropSessions();
    }

    /**
     * Moves the emulator's clock by {@code amount} (negative: back) on top of the configured clock, so sessions
     * expire without waiting. Create-session timestamps are checked against the moved clock too: a client on the
     * real clock needs a {@code timestampWindow} wider than the jumps. Also {@code POST /_emulator/clock}.
     *
     * @return the emulator's time after the jump
     */
    public Instant jumpClock(Duration amount) {
        return runtime.jumpClock(Objects.requireNonNull(amount, "amount"));
    }

    /**
     * HTTP connections open now, for tests that check clients close theirs. A connection counts from the moment it is
     * accepted, before it sends a byte.
     */
    public long openConnections() {
        return runtime.openConnections();
    }

    /**
     * The token the {@code /_emulator/} endpoints require ({@code Authorization: Bearer <token>} or
     * {@code X-Emulator-Token: <token>}): the one given to {@link AbstractBuilder#controlToken}, else one generated
     * at start when the server binds an address other than loopback; empty when none is required.
     */
    public Optional<String> controlToken() {
        return runtime.controlToken();
    }

    /** Stops the server and its Vert.x instance; idempotent. */
    @Override
    public void close() {
        runtime.close();
    }

    @Override
    public String toString() {
        return "QbEmulator[" + baseUrl + "]";
    }

    /**
     * The settings shared by {@link Builder} and builders that start an emulator later (the JUnit extension).
     * Not thread-safe.
     *
     * @param <B> the concrete builder type
     */
    public abstract static class AbstractBuilder<B extends AbstractBuilder<B>> {

        /** Default sliding session lifetime, as on QuickBlox. */
        public static final Duration DEFAULT_SESSION_TTL = Duration.ofHours(2);
        /** Default create-session timestamp window, each direction. */
        public static final Duration DEFAULT_TIMESTAMP_WINDOW = Duration.ofMinutes(60);
        /** Default PBKDF2 iteration count. */
        public static final int DEFAULT_PASSWORD_HASH_ITERATIONS = 10_000;
        /** Default request body limit. */
        public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;
        /** Default request header limit. */
        public static final int DEFAULT_MAX_HEADER_BYTES = 16 * 1024;
        /** Default limit of connections open at once. */
        public static final int DEFAULT_MAX_CONNECTIONS = 1_000;
        /** Default time a new connection has to deliver its first request head (and any request its body). */
        public static final Duration DEFAULT_HEADER_TIMEOUT = Duration.ofSeconds(10);
        /** Default time a connection may send nothing before it is closed. */
        public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);
        /** Default limit of live sessions per application (about 31 MiB of session state). */
        public static final int DEFAULT_MAX_SESSIONS_PER_APP = 100_000;
        /** Default number of requests the request journal keeps. */
        public static final int DEFAULT_JOURNAL_SIZE = 100;
        /** The account key {@code GET /account_settings.json} accepts unless {@link #accountKey} sets another. */
        public static final String DEFAULT_ACCOUNT_KEY = "emulator-account-key";
        /** The {@code chat_endpoint} {@code GET /account_settings.json} announces. */
        public static final String DEFAULT_CHAT_ENDPOINT = "chat.quickblox.com";

        private String host = "127.0.0.1";
        private int port;
        private final List<EmulatorApp> apps = new ArrayList<>();
        private final List<SeedUser> users = new ArrayList<>();
        private Duration sessionTtl = DEFAULT_SESSION_TTL;
        private Duration timestampWindow = DEFAULT_TIMESTAMP_WINDOW;
        private Clock clock = Clock.systemUTC();
        private int passwordHashIterations = DEFAULT_PASSWORD_HASH_ITERATIONS;
        private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private int maxHeaderBytes = DEFAULT_MAX_HEADER_BYTES;
        private ProviderTokenVerifier providerTokenVerifier = ProviderTokenVerifier.testTokens();
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;
        private Duration headerTimeout = DEFAULT_HEADER_TIMEOUT;
        private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
        private int maxSessionsPerApp = DEFAULT_MAX_SESSIONS_PER_APP;
        private int journalSize = DEFAULT_JOURNAL_SIZE;
        private String controlToken;
        private String accountKey = DEFAULT_ACCOUNT_KEY;
        private URI accountApiEndpoint;
        private PlanLimits planLimits = PlanLimits.none();

        /** For subclasses. */
        protected AbstractBuilder() {
        }

        /** This builder, typed. */
        protected abstract B self();

        /** The address to bind; default {@code 127.0.0.1}. */
        public B host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return self();
        }

        /** The port to bind; default 0, any free port. */
        public B port(int port) {
            this.port = port;
            return self();
        }

        /** Adds an application; repeatable, ids must be unique. */
        public B app(EmulatorApp app) {
            apps.add(Objects.requireNonNull(app, "app"));
            return self();
        }

        /** Seeds a user into an application. Seeded passwords skip the sign-up password rules. */
        public B user(long applicationId, String login, String password) {
            return user(applicationId, login, password, null, null);
        }

        /**
         * Seeds a user with an e-mail and full name into an application.
         *
         * @param email e-mail, or {@code null}
         * @param fullName full name, or {@code null}
         */
        public B user(long applicationId, String login, String password, String email, String fullName) {
            Objects.requireNonNull(login, "login");
            Objects.requireNonNull(password, "password");
            users.add(new SeedUser(applicationId, login, Secret.of(password), email, fullName));
            return self();
        }

        /** The sliding session lifetime; default 2 hours. */
        public B sessionTtl(Duration sessionTtl) {
            this.sessionTtl = Objects.requireNonNull(sessionTtl, "sessionTtl");
            return self();
        }

        /** How far a create-session timestamp may be from the clock, each direction; default 60 minutes. */
        public B timestampWindow(Duration timestampWindow) {
            this.timestampWindow = Objects.requireNonNull(timestampWindow, "timestampWindow");
            return self();
        }

        /** The clock behind every time decision (expiry, timestamps, dates); default the system UTC clock. */
        public B clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return self();
        }

        /** PBKDF2-HMAC-SHA256 iterations for stored passwords; default 10 000. */
        public B passwordHashIterations(int passwordHashIterations) {
            this.passwordHashIterations = passwordHashIterations;
            return self();
        }

        /** Request body limit in bytes, larger bodies get 413; default 64 KiB. */
        public B maxBodyBytes(int maxBodyBytes) {
            this.maxBodyBytes = maxBodyBytes;
            return self();
        }

        /** Request header (and request line) limit in bytes, larger ones get 431 / 414; default 16 KiB. */
        public B maxHeaderBytes(int maxHeaderBytes) {
            this.maxHeaderBytes = maxHeaderBytes;
            return self();
        }

        /** Checks provider tokens; default {@link ProviderTokenVerifier#testTokens()}. */
        public B providerTokenVerifier(ProviderTokenVerifier providerTokenVerifier) {
            this.providerTokenVerifier = Objects.requireNonNull(providerTokenVerifier, "providerTokenVerifier");
            return self();
        }

        /**
         * Connections open at once; default 1 000. One more is closed as soon as it is accepted, without a reply, so
         * a flood of idle or half-sent connections cannot exhaust the process's file descriptors.
         */
        public B maxConnections(int maxConnections) {
            this.maxConnections = maxConnections;
            return self();
        }

        /**
         * How long a new connection may take to deliver its first complete request head, and any request its body;
         * default 10 s. The connection is closed after it (a half-sent request gets no reply).
         */
        public B headerTimeout(Duration headerTimeout) {
            this.headerTimeout = Objects.requireNonNull(headerTimeout, "headerTimeout");
            return self();
        }

        /** A connection from which no byte arrives for this long is closed (keep-alive included); default 60 s. */
        public B idleTimeout(Duration idleTimeout) {
            this.idleTimeout = Objects.requireNonNull(idleTimeout, "idleTimeout");
            return self();
        }

        /**
         * Live sessions per application; default 100 000. Creating one more is refused with 429
         * {@code {"errors":{"base":["Too many sessions for this application"]}}} until sessions are deleted or
         * expire (expired ones are swept within seconds).
         */
        public B maxSessionsPerApp(int maxSessionsPerApp) {
            this.maxSessionsPerApp = maxSessionsPerApp;
            return self();
        }

        /** Requests kept by the request journal ({@code GET /_emulator/requests}); default 100, 0 switches it off. */
        public B journalSize(int journalSize) {
            this.journalSize = journalSize;
            return self();
        }

        /**
         * Requires this token on every {@code /_emulator/} endpoint ({@code Authorization: Bearer <token>} or
         * {@code X-Emulator-Token: <token>}). Without one, a token is generated when the server binds an address
         * other than loopback (read it from {@link QbEmulator#controlToken()}), and none is required on loopback.
         */
        public B controlToken(String controlToken) {
            this.controlToken = Objects.requireNonNull(controlToken, "controlToken");
            return self();
        }

        /**
         * The account key {@code GET /account_settings.json} requires in {@code QB-Account-Key} (default
         * {@link #DEFAULT_ACCOUNT_KEY}); any other key, or none, gets 401. Clients configured with this key read
         * their API endpoint from that reply.
         */
        public B accountKey(String accountKey) {
            this.accountKey = Objects.requireNonNull(accountKey, "accountKey");
            return self();
        }

        /**
         * The {@code api_endpoint} {@code GET /account_settings.json} announces (default: the address the request was
         * sent to, so clients stay on this emulator). Point it elsewhere, say at a second emulator, to test discovery.
         */
        public B accountApiEndpoint(URI apiEndpoint) {
            this.accountApiEndpoint = Objects.requireNonNull(apiEndpoint, "apiEndpoint");
            return self();
        }

        /**
         * QuickBlox-style plan limits per application (default {@link PlanLimits#none()}: no limit): requests per
         * second and session creations per window; over a limit, 429 {@code {"errors":["Too Many Requests"]}} with
         * {@code Retry-After}. Change them while the emulator runs with {@link QbEmulator#planLimits(PlanLimits)} or
         * {@code PUT /_emulator/limits}.
         */
        public B planLimits(PlanLimits planLimits) {
            this.planLimits = Objects.requireNonNull(planLimits, "planLimits");
            return self();
        }

        /**
         * Freezes the current settings and returns a starter for them; later builder changes do not affect it.
         *
         * @throws IllegalArgumentException when the settings are invalid
         */
        protected final Supplier<QbEmulator> starter() {
            EmulatorConfig config = new EmulatorConfig(host, port, apps, users, sessionTtl, timestampWindow, clock,
                    passwordHashIterations, maxBodyBytes, maxHeaderBytes, providerTokenVerifier,
                    new ServerLimits(maxConnections, headerTimeout, idleTimeout, maxSessionsPerApp, journalSize),
                    controlToken,
                    new AccountSettings(accountKey, Optional.ofNullable(accountApiEndpoint), DEFAULT_CHAT_ENDPOINT),
                    planLimits);
            return () -> new QbEmulator(EmulatorRuntime.start(config));
        }
    }

    /** Builds and starts an emulator. */
    public static final class Builder extends AbstractBuilder<Builder> {

        private Builder() {
        }

        @Override
        protected Builder self() {
            return this;
        }

        /**
         * Starts the emulator and blocks until it listens.
         *
         * @throws IllegalArgumentException when the settings are invalid
         * @throws IllegalStateException when the server cannot bind
         */
        public QbEmulator start() {
            return starter().get();
        }
    }
}
