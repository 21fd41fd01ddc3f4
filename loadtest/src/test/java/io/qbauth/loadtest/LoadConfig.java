package io.qbauth.loadtest;

import io.qbauth.loadtest.driver.RawDriver;
import io.qbauth.loadtest.driver.SdkDriver;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * The run's settings, read from system properties (see the module README for each one and its default). The
 * defaults depend on the profile ({@code qbauth.loadtest.profile}: {@code full}, or {@code smoke} for the short run
 * bound into {@code verify}) and on the target: against a remote {@code baseUrl} they are small enough to stay under
 * QuickBlox's per-plan rate limit.
 *
 * @param transports      SDK transports under load ({@code transport}, comma-separated)
 * @param baseline        whether the raw {@code HttpClient} baseline runs too ({@code baseline})
 * @param baseUrl         a remote target, or empty for the in-process emulator ({@code baseUrl})
 * @param remoteApp       the remote application: id, auth key, secret ({@code appId}, {@code authKey},
 *                        {@code authSecret}) — only with {@code baseUrl}
 * @param usersFile       the remote target's users, CSV ({@code usersFile}) — only with {@code baseUrl}
 * @param allowHighRate   lifts the rate limit for remote targets ({@code qbauth.loadtest.allowHighRate})
 * @param rate            login storm: new virtual users per second and client ({@code rate})
 * @param ramp            login storm: ramp from 1 user/s to {@code rate} ({@code rampSeconds})
 * @param stormDuration   login storm: time at {@code rate} ({@code loginSeconds})
 * @param signUpEvery     login storm: one sign-up per this many logins; 0 for none ({@code signUpEvery})
 * @param stormUsers      users seeded per login-storm application ({@code stormUsers})
 * @param users           session refresh: concurrent virtual users per client ({@code users})
 * @param identities      session refresh: shared SDK clients (one user each) per client ({@code identities})
 * @param refreshDuration session refresh: duration ({@code refreshSeconds})
 * @param think           session refresh: pause after each call ({@code thinkMs})
 * @param sessionTtl      the emulator's sliding session lifetime ({@code ttlSeconds})
 * @param activeWindow    session refresh: how long each wave of calls lasts ({@code activeSeconds}); the idle gap
 *                        between waves is the TTL plus 2 s, so every wave meets an expired session
 * @param poolUsers       many users: users seeded per many-users application, each with its own session in the
 *                        client's one user pool ({@code poolUsers}); 0 for none; in-process emulator only
 * @param poolCallers     many users: concurrent virtual users per client ({@code poolCallers})
 * @param poolCallersPerUser many users: consecutive virtual users that pick the same user, so a wave opens with
 *                        that many callers on each expired session ({@code poolCallersPerUser})
 * @param poolDuration    many users: duration ({@code poolSeconds}), after the session refresh
 * @param poolThink       many users: pause after each call ({@code poolThinkMs}); shorter than the session
 *                        refresh's, so that a wave reaches most users
 * @param warmupLogins    untimed sign-ins per client before the run ({@code warmupLogins}); 0 for none
 * @param fleet           the fleet scenario's settings (in-process emulator only)
 * @param p99             the bound on each request's 99th percentile ({@code p99Ms})
 * @param rawHerd         harness self-test: the raw baseline re-creates sessions without single-flight, so its
 *                        single-flight check must fail ({@code qbauth.loadtest.rawHerd})
 * @param resultsDir      where Gatling writes its run folders ({@code qbauth.loadtest.resultsDir})
 */
public record LoadConfig(
        List<SdkDriver.Transport> transports,
        boolean baseline,
        Optional<URI> baseUrl,
        Optional<RemoteApp> remoteApp,
        Optional<Path> usersFile,
        boolean allowHighRate,
        double rate,
        Duration ramp,
        Duration stormDuration,
        int signUpEvery,
        int stormUsers,
        int users,
        int identities,
        Duration refreshDuration,
        Duration think,
        Duration sessionTtl,
        Duration activeWindow,
        int poolUsers,
        int poolCallers,
        int poolCallersPerUser,
        Duration poolDuration,
        Duration poolThink,
        int warmupLogins,
        Fleet fleet,
        Duration p99,
        boolean rawHerd,
        Path resultsDir) {

    /** Profile of the short run that {@code verify} does. */
    public static final String SMOKE = "smoke";
    /**
     * How long a many-users wave lasts: {@code activeSeconds}, at most half the TTL, so a user called in a wave is
     * called again before its session expires and the session expires only between waves.
     */
    public Duration poolActiveWindow() {
        Duration half = sessionTtl.dividedBy(2);
        return activeWindow.compareTo(half) < 0 ? activeWindow : half;
    }

    /** The idle gap between waves exceeds the TTL by this much: the expiry header has whole seconds. */
    public static final Duration IDLE_MARGIN = Duration.ofSeconds(2);

    /**
     * A remote application.
     *
     * @param id         application id
     * @param authKey    auth key
     * @param authSecret auth secret
     */
    public record RemoteApp(long id, String authKey, String authSecret) {
        @Override
        public String toString() {
            return "RemoteApp[id=" + id + ", authKey=" + authKey + ", authSecret=***]";
        }
    }

    /**
     * The fleet scenario: {@code instances} SDK instances (each its own user pool, transport and, on the Redis side,
     * its own Redis store and connection) act for the same {@code identities} users against one application with a
     * plan limit on session creations, with the shared Redis store and without it, side by side.
     *
     * @param instances          SDK instances per side ({@code fleetInstances})
     * @param identities         users every instance acts for ({@code fleetIdentities}); 0 for no fleet scenario;
     *                           always 0 against a remote target
     * @param callers            concurrent virtual users per side ({@code fleetCallers})
     * @param duration           how long the fleet phase lasts ({@code fleetSeconds})
     * @param think              pause after each call ({@code fleetThinkMs})
     * @param creationsPerSecond the plan limit: session creations per second per application
     *                           ({@code fleetCreationsPerSecond}; default twice the identities: room for the one
     *                           creation per identity a coordinated fleet needs per expiry window, far less than the
     *                           one per identity and instance an uncoordinated one makes)
     * @param sides              which sides run ({@code fleetSides}: {@code redis}, {@code local}, comma-separated)
     * @param only               run the fleet scenario alone, no other phase ({@code fleetOnly})
     */
    public record Fleet(int instances, int identities, int callers, Duration duration, Duration think,
            int creationsPerSecond, List<String> sides, boolean only) {

        /** The side with the shared Redis store. */
        public static final String REDIS = "redis";
        /** The side without it: each instance creates its own sessions. */
        public static final String LOCAL = "local";

        /** Whether the fleet scenario runs. */
        public boolean enabled() {
            return identities > 0 && !sides.isEmpty();
        }
    }

    /** Reads {@link System#getProperties()}. */
    public static LoadConfig fromSystemProperties() {
        return from(System.getProperties());
    }

    /**
     * Reads {@code props}.
     *
     * @throws IllegalArgumentException naming the property that is invalid
     */
    public static LoadConfig from(Properties props) {
        Settings s = new Settings(props);
        boolean smoke = SMOKE.equals(s.text("qbauth.loadtest.profile", "full"));
        Optional<URI> baseUrl = s.optional("baseUrl").map(URI::create);
        boolean remote = baseUrl.isPresent();
        Optional<RemoteApp> remoteApp = remote
                ? Optional.of(new RemoteApp(s.requiredPositiveLong("appId"), s.required("authKey"),
                        s.required("authSecret")))
                : Optional.empty();
        Optional<Path> usersFile = remote ? Optional.of(Path.of(s.required("usersFile"))) : Optional.empty();
        LoadConfig config = new LoadConfig(
                s.transports(smoke ? "jdk,vertx" : "jdk"),
                s.bool("baseline", true),
                baseUrl, remoteApp, usersFile,
                s.bool("qbauth.loadtest.allowHighRate", false),
                s.positiveDouble("rate", remote ? 2 : smoke ? 5 : 10),
                s.seconds("rampSeconds", smoke ? 2 : 5),
                s.seconds("loginSeconds", smoke ? 4 : 15),
                s.nonNegativeInt("signUpEvery", remote ? 0 : 10),
                s.positiveInt("stormUsers", smoke ? 10 : 50),
                s.positiveInt("users", remote ? 4 : smoke ? 16 : 40),
                s.positiveInt("identities", smoke ? 4 : 8),
                s.seconds("refreshSeconds", smoke ? 12 : 24),
                Duration.ofMillis(s.positiveLong("thinkMs", remote ? 250 : 100)),
                s.seconds("ttlSeconds", smoke ? 2 : 3),
                s.seconds("activeSeconds", smoke ? 2 : 3),
                remote ? 0 : s.nonNegativeInt("poolUsers", smoke ? 200 : 2000),
                s.positiveInt("poolCallers", smoke ? 24 : 64),
                s.positiveInt("poolCallersPerUser", 2),
                s.seconds("poolSeconds", smoke ? 7 : 28),
                Duration.ofMillis(s.positiveLong("poolThinkMs", 20)),
                s.nonNegativeInt("warmupLogins", remote ? 0 : smoke ? 30 : 200),
                fleet(s, smoke, remote),
                Duration.ofMillis(s.positiveLong("p99Ms", 3000)),
                s.bool("qbauth.loadtest.rawHerd", false),
                Path.of(s.text("qbauth.loadtest.resultsDir", "target/gatling")));
        if (remote && config.signUpEvery() > 0) {
            throw new IllegalArgumentException("signUpEvery must be 0 against a remote baseUrl: sign-ups there are "
                    + "permanent");
        }
        return config;
    }

    private static Fleet fleet(Settings s, boolean smoke, boolean remote) {
        int identities = remote ? 0 : s.nonNegativeInt("fleetIdentities", smoke ? 25 : 50);
        List<String> sides = Arrays.stream(s.text("fleetSides", Fleet.REDIS + "," + Fleet.LOCAL).split(","))
                .map(String::strip).filter(side -> !side.isEmpty()).distinct().toList();
        for (String side : sides) {
            if (!side.equals(Fleet.REDIS) && !side.equals(Fleet.LOCAL)) {
                throw new IllegalArgumentException("-DfleetSides must list redis and/or local, got " + side);
            }
        }
        boolean only = s.bool("fleetOnly", false);
        if (only && (identities == 0 || sides.isEmpty())) {
            throw new IllegalArgumentException("-DfleetOnly needs the fleet scenario: fleetIdentities > 0, the "
                    + "in-process emulator and at least one of fleetSides");
        }
        return new Fleet(
                s.positiveInt("fleetInstances", smoke ? 4 : 8),
                identities,
                s.positiveInt("fleetCallers", smoke ? 32 : 48),
                s.seconds("fleetSeconds", smoke ? 12 : 28),
                Duration.ofMillis(s.positiveLong("fleetThinkMs", 20)),
                s.positiveInt("fleetCreationsPerSecond", Math.max(1, identities)),
                sides, only);
    }

    /** The client names in the order they run: {@code sdk-<transport>}..., then {@code raw}. */
    public List<String> clients() {
        List<String> clients = new ArrayList<>();
        transports.forEach(t -> clients.add("sdk-" + t.name().toLowerCase(Locale.ROOT)));
        if (baseline) {
            clients.add(RawDriver.NAME);
        }
        return List.copyOf(clients);
    }

    /** Whether the target is the emulator started in this JVM. */
    public boolean inProcessEmulator() {
        return baseUrl.isEmpty();
    }

    /** Whether the many-users scenario runs: {@code poolUsers > 0} against the in-process emulator. */
    public boolean manyUsers() {
        return poolUsers > 0 && inProcessEmulator();
    }

    /** The idle gap between waves of the session-refresh scenario. */
    public Duration idleWindow() {
        return sessionTtl.plus(IDLE_MARGIN);
    }

    /** Reads typed properties and names the one that is wrong. */
    private record Settings(Properties props) {

        String text(String name, String fallback) {
            return optional(name).orElse(fallback);
        }

        Optional<String> optional(String name) {
            String value = props.getProperty(name);
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
        }

        String required(String name) {
            return optional(name).orElseThrow(() -> new IllegalArgumentException(
                    "-D" + name + " is required with -DbaseUrl"));
        }

        boolean bool(String name, boolean fallback) {
            return optional(name).map(Boolean::parseBoolean).orElse(fallback);
        }

        List<SdkDriver.Transport> transports(String fallback) {
            try {
                return Arrays.stream(text("transport", fallback).split(","))
                        .filter(name -> !name.isBlank())
                        .map(SdkDriver.Transport::parse)
                        .distinct()
                        .toList();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("-Dtransport must list jdk and/or vertx", e);
            }
        }

        long requiredPositiveLong(String name) {
            required(name);
            return positiveLong(name, 0);
        }

        long positiveLong(String name, long fallback) {
            long value = number(name, fallback, Long::parseLong);
            return require(name, value, value > 0);
        }

        int positiveInt(String name, int fallback) {
            int value = number(name, fallback, Integer::parseInt);
            return require(name, value, value > 0);
        }

        int nonNegativeInt(String name, int fallback) {
            int value = number(name, fallback, Integer::parseInt);
            return require(name, value, value >= 0);
        }

        double positiveDouble(String name, double fallback) {
            double value = number(name, fallback, Double::parseDouble);
            return require(name, value, value > 0);
        }

        Duration seconds(String name, long fallback) {
            return Duration.ofSeconds(positiveLong(name, fallback));
        }

        private <T> T number(String name, T fallback, Function<String, T> parse) {
            try {
                return optional(name).map(parse).orElse(fallback);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("-D" + name + " must be a number", e);
            }
        }

        private static <T> T require(String name, T value, boolean valid) {
            if (!valid) {
                throw new IllegalArgumentException("-D" + name + " must be positive, got " + value);
            }
            return value;
        }
    }
}
