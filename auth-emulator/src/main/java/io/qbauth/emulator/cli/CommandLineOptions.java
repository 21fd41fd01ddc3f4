package io.qbauth.emulator.cli;

import io.qbauth.emulator.EmulatorApp;
import io.qbauth.emulator.PlanLimits;
import io.qbauth.emulator.QbEmulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The parsed command line. Options take their value as the next argument or after {@code =}.
 *
 * @param help whether {@code --help} was given
 * @param host {@code --host}
 * @param port {@code --port}
 * @param apps {@code --app}, or the demo application when none was given
 * @param users {@code --user}, seeded into every application
 * @param sessionTtl {@code --session-ttl}
 * @param timestampWindow {@code --timestamp-window}
 * @param passwordHashIterations {@code --password-hash-iterations}
 * @param maxBodyBytes {@code --max-body-bytes}
 * @param customIdentityProviderApps {@code --custom-identity-provider}: ids of applications in custom identity
 *     provider mode
 * @param maxConnections {@code --max-connections}
 * @param headerTimeout {@code --header-timeout}
 * @param idleTimeout {@code --idle-timeout}
 * @param maxSessions {@code --max-sessions}, per application
 * @param journalSize {@code --journal-size}
 * @param controlToken {@code --control-token}, or {@code null} (masked in {@link #toString()})
 * @param accountKey {@code --account-key}: the key {@code GET /account_settings.json} accepts (masked in
 *     {@link #toString()})
 * @param planLimits {@code --max-requests-per-second}, {@code --max-session-creations-per-second} or
 *     {@code --max-session-creations-per-minute}; {@link PlanLimits#none()} without them
 */
public record CommandLineOptions(
        boolean help,
        String host,
        int port,
        List<EmulatorApp> apps,
        List<UserFlag> users,
        Duration sessionTtl,
        Duration timestampWindow,
        int passwordHashIterations,
        int maxBodyBytes,
        List<Long> customIdentityProviderApps,
        int maxConnections,
        Duration headerTimeout,
        Duration idleTimeout,
        int maxSessions,
        int journalSize,
        String controlToken,
        String accountKey,
        PlanLimits planLimits) {

    /** The application used when no {@code --app} is given: the protocol doc's test-vector credentials. */
    public static final EmulatorApp DEMO_APP =
            EmulatorApp.of(12345L, "AbCdEfGh12345-x", "SecReT_987-zyx").withApiKey("demo-api-key");

    static final String USAGE = """
            Usage: java -jar auth-emulator.jar [options]

            A QuickBlox-compatible authentication server for local runs, tests and load tests.
            Prints "listening on http://HOST:PORT" once it accepts connections; stop it with Ctrl-C.

            Options (value after a space or '='):
              --host HOST                     address to bind (default 127.0.0.1)
              --port PORT                     port to bind, 0 = any free port (default 0)
              --app ID:KEY:SECRET[:APIKEY]    an application; repeatable. Default: the demo application
                                              12345:AbCdEfGh12345-x:SecReT_987-zyx:demo-api-key
              --user LOGIN:PASSWORD           a user seeded into every application; repeatable
              --session-ttl DURATION          sliding session lifetime, e.g. 2h, 15m, 5s, 500ms (default 2h)
              --timestamp-window DURATION     accepted create-session clock skew, each way (default 60m)
              --password-hash-iterations N    PBKDF2-HMAC-SHA256 iterations (default 10000)
              --max-body-bytes N              request body limit; larger bodies get 413 (default 65536)
              --custom-identity-provider ID   run application ID in custom identity provider mode: login +
                                              password are a user id and token of your identity provider
                                              (test tokens: idp-test:<userId>); repeatable
              --max-connections N             connections open at once; more are closed at accept (default 1000)
              --header-timeout DURATION       time a new connection has to send its first request head, and
                                              any request its body, before it is closed (default 10s)
              --idle-timeout DURATION         a connection that sends nothing this long is closed (default 60s)
              --max-sessions N                live sessions per application; more get 429 (default 100000)
              --journal-size N                requests kept for GET /_emulator/requests, 0 = off (default 100)
              --control-token TOKEN           token the /_emulator/ endpoints require (Authorization: Bearer
                                              TOKEN or X-Emulator-Token: TOKEN). Default: none on loopback; when
                                              --host is not loopback one is generated and printed at start
              --account-key KEY               the account key GET /account_settings.json accepts in
                                              QB-Account-Key (default emulator-account-key)
              --max-requests-per-second N     plan limit: requests per second per application; more get
                                              429 Too Many Requests with Retry-After (default 0 = no limit)
              --max-session-creations-per-second N
                                              plan limit: sessions an application may create per second
                                              (default 0 = no limit)
              --max-session-creations-per-minute N
                                              the same per minute (not with the per-second flag)
              --help                          print this help and exit

            Exit codes: 0 after --help or a clean stop, 1 when the server cannot start, 2 for a bad command line.
            """;

    /** Copies the lists. */
    public CommandLineOptions {
        apps = List.copyOf(apps);
        users = List.copyOf(users);
        customIdentityProviderApps = List.copyOf(customIdentityProviderApps);
    }

    @Override
    public String toString() {
        return "CommandLineOptions[host=" + host + ", port=" + port + ", apps=" + apps + ", users=" + users
                + ", customIdentityProviderApps=" + customIdentityProviderApps + ", maxConnections=" + maxConnections
                + ", headerTimeout=" + headerTimeout + ", idleTimeout=" + idleTimeout + ", maxSessions="
                + maxSessions + ", journalSize=" + journalSize + ", controlToken="
                + (controlToken == null ? "none" : "***") + ", accountKey=***, planLimits=" + planLimits + "]";
    }

    /**
     * Parses the arguments.
     *
     * @throws UsageException naming the offending option
     */
    public static CommandLineOptions parse(String... args) throws UsageException {
        Parser parser = new Parser();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            int equals = arg.indexOf('=');
            String option = equals < 0 ? arg : arg.substring(0, equals);
            if (option.equals("--help") || option.equals("-h")) {
                parser.help = true;
                continue;
            }
            String value;
            if (equals >= 0) {
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.length && parser.takesValue(option)) {
                value = args[++i];
            } else {
                value = null;
            }
            parser.apply(option, value);
        }
        return parser.build();
    }

    /** A builder for an emulator with these options (not {@code help}). */
    public QbEmulator.Builder toBuilder() {
        QbEmulator.Builder builder = QbEmulator.builder()
                .host(host)
                .port(port)
                .sessionTtl(sessionTtl)
                .timestampWindow(timestampWindow)
                .passwordHashIterations(passwordHashIterations)
                .maxBodyBytes(maxBodyBytes)
                .maxConnections(maxConnections)
                .headerTimeout(headerTimeout)
                .idleTimeout(idleTimeout)
                .maxSessionsPerApp(maxSessions)
                .journalSize(journalSize)
                .accountKey(accountKey)
                .planLimits(planLimits);
        if (controlToken != null) {
            builder.controlToken(controlToken);
        }
        for (EmulatorApp configured : apps) {
            EmulatorApp app = customIdentityProviderApps.contains(configured.id())
                    ? configured.withCustomIdentityProvider() : configured;
            builder.app(app);
            users.forEach(user -> builder.user(app.id(), user.login(), user.password()));
        }
        return builder;
    }

    /**
     * A {@code --user LOGIN:PASSWORD}.
     *
     * @param login the login
     * @param password the password (masked in {@link #toString()})
     */
    public record UserFlag(String login, String password) {
        @Override
        public String toString() {
            return "UserFlag[login=" + login + ", password=***]";
        }
    }

    private static final class Parser {
        private static final List<String> VALUE_OPTIONS = List.of("--host", "--port", "--app", "--user",
                "--session-ttl", "--timestamp-window", "--password-hash-iterations", "--max-body-bytes",
                "--custom-identity-provider", "--max-connections", "--header-timeout", "--idle-timeout",
                "--max-sessions", "--journal-size", "--control-token", "--account-key", "--max-requests-per-second",
                "--max-session-creations-per-second", "--max-session-creations-per-minute");

        private boolean help;
        private String host = "127.0.0.1";
        private int port;
        private final List<EmulatorApp> apps = new ArrayList<>();
        private final List<UserFlag> users = new ArrayList<>();
        private Duration sessionTtl = QbEmulator.AbstractBuilder.DEFAULT_SESSION_TTL;
        private Duration timestampWindow = QbEmulator.AbstractBuilder.DEFAULT_TIMESTAMP_WINDOW;
        private int passwordHashIterations = QbEmulator.AbstractBuilder.DEFAULT_PASSWORD_HASH_ITERATIONS;
        private int maxBodyBytes = QbEmulator.AbstractBuilder.DEFAULT_MAX_BODY_BYTES;
        private final List<Long> customIdentityProviderApps = new ArrayList<>();
        private int maxConnections = QbEmulator.AbstractBuilder.DEFAULT_MAX_CONNECTIONS;
        private Duration headerTimeout = QbEmulator.AbstractBuilder.DEFAULT_HEADER_TIMEOUT;
        private Duration idleTimeout = QbEmulator.AbstractBuilder.DEFAULT_IDLE_TIMEOUT;
        private int maxSessions = QbEmulator.AbstractBuilder.DEFAULT_MAX_SESSIONS_PER_APP;
        private int journalSize = QbEmulator.AbstractBuilder.DEFAULT_JOURNAL_SIZE;
        private String controlToken;
        private String accountKey = QbEmulator.AbstractBuilder.DEFAULT_ACCOUNT_KEY;
        private int maxRequestsPerSecond;
        private Integer sessionCreationsPerSecond;
        private Integer sessionCreationsPerMinute;

        boolean takesValue(String option) {
            return VALUE_OPTIONS.contains(option);
        }

        void apply(String option, String value) throws UsageException {
            if (!takesValue(option)) {
                throw new UsageException("unknown option '" + option + "'");
            }
            if (value == null || value.isBlank()) {
                throw new UsageException(option + " needs a value");
            }
            switch (option) {
                case "--host" -> host = value.trim();
                case "--port" -> port = integer(option, value, 0, 65_535);
                case "--app" -> apps.add(app(value));
                case "--user" -> users.add(user(value));
                case "--session-ttl" -> sessionTtl = DurationFlag.parse(option, value);
                case "--timestamp-window" -> timestampWindow = DurationFlag.parse(option, value);
                case "--password-hash-iterations" -> passwordHashIterations =
                        integer(option, value, 1, Integer.MAX_VALUE);
                case "--max-body-bytes" -> maxBodyBytes = integer(option, value, 1, Integer.MAX_VALUE);
                case "--custom-identity-provider" -> customIdentityProviderApps.add(applicationId(option, value));
                case "--max-connections" -> maxConnections = integer(option, value, 1, Integer.MAX_VALUE);
                case "--header-timeout" -> headerTimeout = DurationFlag.parse(option, value);
                case "--idle-timeout" -> idleTimeout = DurationFlag.parse(option, value);
                case "--max-sessions" -> maxSessions = integer(option, value, 1, Integer.MAX_VALUE);
                case "--journal-size" -> journalSize = integer(option, value, 0, 1_000_000);
                case "--control-token" -> controlToken = printableToken(option, value);
                case "--account-key" -> accountKey = printableToken(option, value);
                case "--max-requests-per-second" -> maxRequestsPerSecond =
                        integer(option, value, 0, PlanLimits.MAX_LIMIT);
                case "--max-session-creations-per-second" -> sessionCreationsPerSecond =
                        integer(option, value, 0, PlanLimits.MAX_LIMIT);
                case "--max-session-creations-per-minute" -> sessionCreationsPerMinute =
                        integer(option, value, 0, PlanLimits.MAX_LIMIT);
                default -> throw new UsageException("unknown option '" + option + "'");
            }
        }

        CommandLineOptions build() throws UsageException {
            List<EmulatorApp> served = apps.isEmpty() ? List.of(DEMO_APP) : apps;
            for (long id : customIdentityProviderApps) {
                if (served.stream().noneMatch(app -> app.id() == id)) {
                    throw new UsageException("--custom-identity-provider " + id + " names no application (--app)");
                }
            }
            return new CommandLineOptions(help, host, port, served, users, sessionTtl, timestampWindow,
                    passwordHashIterations, maxBodyBytes, customIdentityProviderApps, maxConnections, headerTimeout,
                    idleTimeout, maxSessions, journalSize, controlToken, accountKey, planLimits());
        }

        private PlanLimits planLimits() throws UsageException {
            if (sessionCreationsPerSecond != null && sessionCreationsPerMinute != null) {
                throw new UsageException("--max-session-creations-per-second and --max-session-creations-per-minute"
                        + " exclude each other");
            }
            PlanLimits limits = PlanLimits.none().withRequestsPerSecond(maxRequestsPerSecond);
            if (sessionCreationsPerMinute != null) {
                return limits.withSessionCreationsPerMinute(sessionCreationsPerMinute);
            }
            return sessionCreationsPerSecond == null ? limits : limits.withSessionCreationsPerSecond(
                    sessionCreationsPerSecond);
        }

        private static long applicationId(String option, String value) throws UsageException {
            try {
                long id = Long.parseLong(value.trim());
                if (id > 0 && value.trim().chars().allMatch(c -> c >= '0' && c <= '9')) {
                    return id;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new UsageException(option + " expects an application id, got '" + value + "'");
        }

        private static String printableToken(String option, String value) throws UsageException {
            if (!value.chars().allMatch(c -> c > ' ' && c < 127)) {
                throw new UsageException(option + " must be printable ASCII without spaces");
            }
            return value;
        }

        private static int integer(String option, String value, int min, int max) throws UsageException {
            try {
                int parsed = Integer.parseInt(value.trim());
                if (parsed >= min && parsed <= max) {
                    return parsed;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new UsageException(option + " expects a whole number from " + min + " to " + max
                    + ", got '" + value + "'");
        }

        private static EmulatorApp app(String value) throws UsageException {
            String[] parts = value.split(":", -1);
            if (parts.length < 3 || parts.length > 4) {
                throw new UsageException("--app expects ID:KEY:SECRET[:APIKEY], got " + parts.length + " part(s)");
            }
            long id;
            try {
                id = Long.parseLong(parts[0].trim());
            } catch (NumberFormatException e) {
                throw new UsageException("--app needs a numeric application id, got '" + parts[0] + "'");
            }
            try {
                EmulatorApp app = EmulatorApp.of(id, parts[1], parts[2]);
                return parts.length == 4 ? app.withApiKey(parts[3]) : app;
            } catch (IllegalArgumentException e) {
                throw new UsageException("--app: " + e.getMessage());
            }
        }

        private static UserFlag user(String value) throws UsageException {
            int colon = value.indexOf(':');
            if (colon <= 0 || colon == value.length() - 1) {
                throw new UsageException("--user expects LOGIN:PASSWORD");
            }
            return new UserFlag(value.substring(0, colon), value.substring(colon + 1));
        }
    }
}
