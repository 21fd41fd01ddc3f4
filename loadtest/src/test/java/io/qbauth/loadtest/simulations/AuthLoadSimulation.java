package io.qbauth.loadtest.simulations;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.qbauth.loadtest.LoadConfig;
import io.qbauth.loadtest.RatePlan;
import io.qbauth.loadtest.metrics.SdkMetrics;
import io.qbauth.loadtest.report.RunFolder;
import io.qbauth.loadtest.report.SummaryTable;
import io.qbauth.loadtest.server.RemoteTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The default simulation: for each client (the SDK on each chosen transport, and the raw {@code HttpClient}
 * baseline), side by side and at the same rates, first the login storm (open model, plus a trickle of sign-ups),
 * then the session refresh, then the many users (both closed models, sessions expiring between waves), with a
 * single-flight check after each. The many users run after the session refresh, not beside it, so neither load
 * bends the other's latencies. Each client has its own applications on the
 * target, so counters never mix. Then the fleet scenario ({@link FleetRun}): K SDK instances acting for the same
 * users under a plan limit on session creations, with the shared Redis store and without it, side by side, each
 * side followed by its {@code fleet-check} ({@code -DfleetOnly=true}: the fleet scenario alone).
 *
 * <p>Every SDK client is instrumented with {@code auth-metrics} ({@link SdkMetrics}); the Prometheus scrape is saved
 * beside the report.
 *
 * <p>Assertions: every request's p99 under {@code p99Ms} and at least 99.9 % of every request's calls successful
 * (except the uncoordinated fleet side's, whose 429s are the point), and, against the in-process emulator, each
 * client's {@code single-flight-check} and each fleet side's {@code fleet-check} OK. A failed assertion makes Gatling exit with
 * status 2, which fails the Maven build.
 */
public class AuthLoadSimulation extends Simulation {

    private static final double MIN_SUCCESS_PERCENT = 99.9;
    private static final Duration MAX_DURATION_MARGIN = Duration.ofSeconds(60);

    private final LoadConfig config = LoadConfig.fromSystemProperties();
    private final SdkMetrics metrics = new SdkMetrics();
    private final LoadRun run = new LoadRun(config, metrics::forClient);
    /** The fleet scenario, or null when it does not run (no identities, no side, or a remote target). */
    private final FleetRun fleet = config.fleet().enabled() && config.inProcessEmulator()
            ? new FleetRun(config, run.refreshPolicy()) : null;

    /** Checks the rate plan against the target, then sets up the populations and the assertions. */
    @SuppressWarnings("this-escape")
    public AuthLoadSimulation() {
        boolean loopback = config.baseUrl().map(url -> RemoteTarget.isLoopbackHost(url.getHost())).orElse(true);
        RatePlan.of(config).checkAllowed(loopback, config.allowHighRate());
        setUp(populations()).assertions(assertions()).maxDuration(maxDuration());
    }

    @Override
    public void before() {
        if (!config.fleet().only()) {
            run.start();
            System.out.printf(Locale.ROOT, "qbauth loadtest: %s against %s%n", config.clients(), run.target());
        }
        if (fleet != null) {
            fleet.start();
            System.out.printf(Locale.ROOT, "qbauth loadtest: fleet %s against %s%n", config.fleet().sides(),
                    fleet.describe());
        }
    }

    @Override
    public void after() {
        try {
            writeSummary();
        } finally {
            try {
                run.close();
            } finally {
                if (fleet != null) {
                    fleet.close();
                }
            }
        }
    }

    private List<PopulationBuilder> populations() {
        List<PopulationBuilder> fleetPhase = fleetPopulations();
        if (config.fleet().only()) {
            return fleetPhase;
        }
        List<PopulationBuilder> populations = new ArrayList<>();
        List<PopulationBuilder> last = fleetPhase; // the fleet follows the first client's last phase
        for (String client : config.clients()) {
            PopulationBuilder refresh = Scenarios.sessionRefresh(run, client)
                    .injectClosed(constantConcurrentUsers(config.users()).during(config.refreshDuration()));
            List<PopulationBuilder> afterRefresh = new ArrayList<>();
            if (config.manyUsers()) {
                afterRefresh.add(Scenarios.manyUsers(run, client)
                        .injectClosed(constantConcurrentUsers(config.poolCallers()).during(config.poolDuration()))
                        .andThen(then(Scenarios.manyUsersCheck(run, client).injectOpen(atOnceUsers(1)), last)));
                last = List.of();
            }
            if (config.inProcessEmulator()) {
                afterRefresh.add(then(Scenarios.singleFlightCheck(run, client).injectOpen(atOnceUsers(1)), last));
                last = List.of();
            }
            if (!afterRefresh.isEmpty()) {
                refresh = refresh.andThen(afterRefresh);
            }
            populations.add(Scenarios.loginStorm(run, client)
                    .injectOpen(rampUsersPerSec(1).to(config.rate()).during(config.ramp()),
                            constantUsersPerSec(config.rate()).during(config.stormDuration()))
                    .andThen(refresh));
            if (config.signUpEvery() > 0) {
                populations.add(Scenarios.signUp(run, client).injectOpen(
                        constantUsersPerSec(config.rate() / config.signUpEvery())
                                .during(config.ramp().plus(config.stormDuration()))));
            }
        }
        return populations;
    }

    /** Both sides of the fleet scenario at once, each followed by its check; none when it does not run. */
    private List<PopulationBuilder> fleetPopulations() {
        if (fleet == null) {
            return List.of();
        }
        LoadConfig.Fleet settings = config.fleet();
        return settings.sides().stream()
                .map(side -> Scenarios.fleet(run, fleet, side)
                        .injectClosed(constantConcurrentUsers(settings.callers()).during(settings.duration()))
                        .andThen(Scenarios.fleetCheck(run, fleet, side).injectOpen(atOnceUsers(1))))
                .toList();
    }

    private static PopulationBuilder then(PopulationBuilder first, List<PopulationBuilder> next) {
        return next.isEmpty() ? first : first.andThen(next);
    }

    /**
     * Per request path: at least 99.9 % successful and the p99 under {@code p99Ms}; each check ran once and
     * passed. The uncoordinated side of the fleet scenario is exempt from the first two: its 429s are the problem
     * it shows, and only its check (that it showed it) is asserted.
     */
    private List<Assertion> assertions() {
        List<Assertion> assertions = new ArrayList<>();
        if (!config.fleet().only()) {
            for (String client : config.clients()) {
                List<String> storm = new ArrayList<>(RequestNames.STORM_CALLS);
                if (config.signUpEvery() > 0) {
                    storm.add(RequestNames.SIGN_UP);
                }
                storm.forEach(name -> assertions.addAll(served(client, RequestNames.STORM, name)));
                RequestNames.REFRESH_CALLS.forEach(name -> assertions.addAll(served(client, RequestNames.REFRESH,
                        name)));
                if (config.inProcessEmulator()) {
                    assertions.addAll(checked(client, RequestNames.REFRESH, RequestNames.SINGLE_FLIGHT_CHECK));
                }
                if (config.manyUsers()) {
                    RequestNames.REFRESH_CALLS.forEach(name -> assertions.addAll(served(client,
                            RequestNames.MANY_USERS, name)));
                    assertions.addAll(checked(client, RequestNames.MANY_USERS, RequestNames.SINGLE_FLIGHT_CHECK));
                }
            }
        }
        if (fleet != null) {
            for (String side : config.fleet().sides()) {
                String client = FleetRun.clientName(side);
                if (side.equals(LoadConfig.Fleet.REDIS)) {
                    RequestNames.REFRESH_CALLS.forEach(name -> assertions.addAll(served(client, RequestNames.FLEET,
                            name)));
                }
                assertions.addAll(checked(client, RequestNames.FLEET, RequestNames.FLEET_CHECK));
            }
        }
        return assertions;
    }

    private List<Assertion> served(String client, String phase, String name) {
        return List.of(details(client, phase, name).successfulRequests().percent().gte(MIN_SUCCESS_PERCENT),
                details(client, phase, name).responseTime().percentile(99.0).lt((int) config.p99().toMillis()));
    }

    private static List<Assertion> checked(String client, String phase, String check) {
        return List.of(details(client, phase, check).allRequests().count().is(1L),
                details(client, phase, check).failedRequests().count().is(0L));
    }

    private Duration maxDuration() {
        Duration fleetPhase = fleet == null ? Duration.ZERO
                : config.fleet().duration().plus(config.idleWindow());
        if (config.fleet().only()) {
            return fleetPhase.plus(MAX_DURATION_MARGIN);
        }
        Duration manyUsers = config.manyUsers() ? config.poolDuration() : Duration.ZERO;
        return config.ramp().plus(config.stormDuration()).plus(config.refreshDuration()).plus(manyUsers)
                .plus(config.idleWindow()).plus(fleetPhase).plus(MAX_DURATION_MARGIN);
    }

    private void writeSummary() {
        List<String> notes = new ArrayList<>();
        if (!config.fleet().only()) {
            notes.addAll(phaseNotes());
        }
        if (fleet != null) {
            LoadConfig.Fleet settings = config.fleet();
            notes.add(String.format(Locale.ROOT, "fleet: %d SDK instances per side (each its own user pool, "
                            + "transport%s) acting for the same %d users, %d virtual users per side, %d ms think "
                            + "time, %ds, TTL %ds, waves %d ms + %ds idle; plan limit %d session creations/s per "
                            + "application", settings.instances(),
                    settings.sides().contains(LoadConfig.Fleet.REDIS) ? " and, with Redis, Redis store" : "",
                    settings.identities(), settings.callers(), settings.think().toMillis(),
                    settings.duration().toSeconds(), config.sessionTtl().toSeconds(),
                    config.poolActiveWindow().toMillis(), config.idleWindow().toSeconds(),
                    settings.creationsPerSecond()));
            fleet.verdicts().values().stream().sorted(Comparator.comparing(FleetVerdict::side))
                    .forEach(verdict -> notes.add("fleet " + verdict.describe()));
        }
        String text = SummaryTable.format("qbauth loadtest summary: " + String.join(", ", clientNames()),
                run.stats().snapshot(), notes);
        Optional<Path> folder = RunFolder.latest(config.resultsDir());
        if (folder.isEmpty()) {
            System.out.print(text);
            return;
        }
        try {
            Files.writeString(folder.get().resolve(RunFolder.SUMMARY), text);
            Files.writeString(folder.get().resolve(RunFolder.SCRAPE), metrics.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("qbauth loadtest: summary written to " + folder.get().resolve(RunFolder.SUMMARY));
    }

    /** The clients in the summary's title: the SDK clients and the baseline, then the fleet's sides. */
    private List<String> clientNames() {
        List<String> names = new ArrayList<>(config.fleet().only() ? List.of() : config.clients());
        if (fleet != null) {
            config.fleet().sides().forEach(side -> names.add(FleetRun.clientName(side)));
        }
        return names;
    }

    /** The settings and verdicts of the login storm, the session refresh and the many users. */
    private List<String> phaseNotes() {
        List<String> notes = new ArrayList<>();
        notes.add(String.format(Locale.ROOT, "login storm: %.1f users/s per client (ramp %ds + %ds), sign-up every "
                        + "%d; session refresh: %d users on %d identities per client, %ds, TTL %ds, waves %ds + "
                        + "%ds idle; p99 bound %d ms", config.rate(), config.ramp().toSeconds(),
                config.stormDuration().toSeconds(), config.signUpEvery(), config.users(), config.identities(),
                config.refreshDuration().toSeconds(), config.sessionTtl().toSeconds(),
                config.activeWindow().toSeconds(), config.idleWindow().toSeconds(), config.p99().toMillis()));
        if (config.manyUsers()) {
            notes.add(String.format(Locale.ROOT, "many users: %d users in one pool per SDK client (one session "
                            + "each), %d virtual users, %d per user, %d ms think time, %ds after the session refresh, "
                            + "waves %d ms + %ds idle", config.poolUsers(), config.poolCallers(),
                    config.poolCallersPerUser(), config.poolThink().toMillis(), config.poolDuration().toSeconds(),
                    config.poolActiveWindow().toMillis(), config.idleWindow().toSeconds()));
        }
        run.verdicts().values().stream().sorted(Comparator.comparing(SingleFlightVerdict::client))
                .forEach(verdict -> notes.add("single-flight " + verdict.describe()));
        notes.addAll(metrics.summaryLines(config.clients()));
        if (config.manyUsers()) {
            notes.addAll(metrics.summaryLines(config.clients().stream()
                    .map(client -> client + LoadRun.POOL_SUFFIX).toList()));
        }
        if (!config.inProcessEmulator()) {
            notes.add("single-flight: not checked (a remote target has no session counters)");
        }
        return notes;
    }
}
