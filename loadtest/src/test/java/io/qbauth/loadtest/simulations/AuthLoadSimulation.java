package io.qbauth.loadtest.simulations;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.global;
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
 * target, so counters never mix.
 *
 * <p>Every SDK client is instrumented with {@code auth-metrics} ({@link SdkMetrics}); the Prometheus scrape is saved
 * beside the report.
 *
 * <p>Assertions: every request's p99 under {@code p99Ms}, at least 99.9 % of all requests successful, and, against
 * the in-process emulator, each client's {@code single-flight-check} OK. A failed assertion makes Gatling exit with
 * status 2, which fails the Maven build.
 */
public class AuthLoadSimulation extends Simulation {

    private static final double MIN_SUCCESS_PERCENT = 99.9;
    private static final Duration MAX_DURATION_MARGIN = Duration.ofSeconds(60);

    private final LoadConfig config = LoadConfig.fromSystemProperties();
    private final SdkMetrics metrics = new SdkMetrics();
    private final LoadRun run = new LoadRun(config, metrics::forClient);

    /** Checks the rate plan against the target, then sets up the populations and the assertions. */
    @SuppressWarnings("this-escape")
    public AuthLoadSimulation() {
        boolean loopback = config.baseUrl().map(url -> RemoteTarget.isLoopbackHost(url.getHost())).orElse(true);
        RatePlan.of(config).checkAllowed(loopback, config.allowHighRate());
        setUp(populations()).assertions(assertions()).maxDuration(maxDuration());
    }

    @Override
    public void before() {
        run.start();
        System.out.printf(Locale.ROOT, "qbauth loadtest: %s against %s%n", config.clients(), run.target());
    }

    @Override
    public void after() {
        try {
            writeSummary();
        } finally {
            run.close();
        }
    }

    private List<PopulationBuilder> populations() {
        List<PopulationBuilder> populations = new ArrayList<>();
        for (String client : config.clients()) {
            PopulationBuilder refresh = Scenarios.sessionRefresh(run, client)
                    .injectClosed(constantConcurrentUsers(config.users()).during(config.refreshDuration()));
            List<PopulationBuilder> afterRefresh = new ArrayList<>();
            if (config.inProcessEmulator()) {
                afterRefresh.add(Scenarios.singleFlightCheck(run, client).injectOpen(atOnceUsers(1)));
            }
            if (config.manyUsers()) {
                afterRefresh.add(Scenarios.manyUsers(run, client)
                        .injectClosed(constantConcurrentUsers(config.poolCallers()).during(config.poolDuration()))
                        .andThen(Scenarios.manyUsersCheck(run, client).injectOpen(atOnceUsers(1))));
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

    private List<Assertion> assertions() {
        List<Assertion> assertions = new ArrayList<>();
        assertions.add(global().successfulRequests().percent().gte(MIN_SUCCESS_PERCENT));
        int p99 = (int) config.p99().toMillis();
        for (String client : config.clients()) {
            List<String> storm = new ArrayList<>(RequestNames.STORM_CALLS);
            if (config.signUpEvery() > 0) {
                storm.add(RequestNames.SIGN_UP);
            }
            storm.forEach(name -> assertions.add(details(client, RequestNames.STORM, name)
                    .responseTime().percentile(99.0).lt(p99)));
            RequestNames.REFRESH_CALLS.forEach(name -> assertions.add(details(client, RequestNames.REFRESH, name)
                    .responseTime().percentile(99.0).lt(p99)));
            if (config.inProcessEmulator()) {
                String check = RequestNames.SINGLE_FLIGHT_CHECK;
                assertions.add(details(client, RequestNames.REFRESH, check).allRequests().count().is(1L));
                assertions.add(details(client, RequestNames.REFRESH, check).failedRequests().count().is(0L));
            }
            if (config.manyUsers()) {
                String check = RequestNames.SINGLE_FLIGHT_CHECK;
                RequestNames.REFRESH_CALLS.forEach(name -> assertions.add(details(client, RequestNames.MANY_USERS,
                        name).responseTime().percentile(99.0).lt(p99)));
                assertions.add(details(client, RequestNames.MANY_USERS, check).allRequests().count().is(1L));
                assertions.add(details(client, RequestNames.MANY_USERS, check).failedRequests().count().is(0L));
            }
        }
        return assertions;
    }

    private Duration maxDuration() {
        Duration manyUsers = config.manyUsers() ? config.poolDuration() : Duration.ZERO;
        return config.ramp().plus(config.stormDuration()).plus(config.refreshDuration()).plus(manyUsers)
                .plus(config.idleWindow()).plus(MAX_DURATION_MARGIN);
    }

    private void writeSummary() {
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
        String text = SummaryTable.format("qbauth loadtest summary: " + String.join(", ", config.clients()),
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
}
