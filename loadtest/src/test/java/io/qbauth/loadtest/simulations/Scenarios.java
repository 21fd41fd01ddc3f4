package io.qbauth.loadtest.simulations;

import static io.gatling.javaapi.core.CoreDsl.doIfOrElse;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.qbauth.loadtest.gatling.TimedCall.timed;
import static io.qbauth.loadtest.simulations.RequestNames.API_CALL;
import static io.qbauth.loadtest.simulations.RequestNames.CREATE_APP_SESSION;
import static io.qbauth.loadtest.simulations.RequestNames.DESTROY_SESSION;
import static io.qbauth.loadtest.simulations.RequestNames.GET_SESSION;
import static io.qbauth.loadtest.simulations.RequestNames.LOGIN;
import static io.qbauth.loadtest.simulations.RequestNames.LOGIN_EMAIL;
import static io.qbauth.loadtest.simulations.RequestNames.SIGN_UP;
import static io.qbauth.loadtest.simulations.RequestNames.SINGLE_FLIGHT_CHECK;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.qbauth.loadtest.driver.Agent;
import io.qbauth.loadtest.gatling.CallStats;
import io.qbauth.loadtest.server.UserAccount;
import io.qbauth.loadtest.server.Workload;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The scenarios, the same for every client; each runs inside a group named after the client, then one named after
 * the phase ({@code storm}, {@code refresh} or {@code many-users}), so Gatling's report and assertions show
 * {@code sdk-jdk / storm / login} beside {@code raw / storm / login}.
 */
final class Scenarios {

    private static final String AGENT = "agent";
    private static final String USER = "user";
    private static final String USER_ID = "userId";
    private static final String IDENTITY = "identity";
    private static final String STEP = "step";

    private Scenarios() {
    }

    /**
     * A new user signing in: its own client, an application session, a login (by login name or, every other user,
     * by e-mail), one authenticated call, and the session destroyed.
     */
    static ScenarioBuilder loginStorm(LoadRun run, String client) {
        CallStats stats = run.stats();
        ChainBuilder signIn = arrive(run, client, () -> run.nextStormUser(client))
                .exec(doIfOrElse(session -> session.userId() % 2 == 0)
                        .then(exec(timed(stats, LOGIN_EMAIL, session -> agent(session).login(user(session), true))
                                .onSuccess(Scenarios::saveUserId)))
                        .orElse(exec(timed(stats, LOGIN, session -> agent(session).login(user(session), false))
                                .onSuccess(Scenarios::saveUserId))))
                .exitHereIfFailed();
        return scenario("login-storm " + client).group(client).on(group(RequestNames.STORM).on(
                signIn.exec(useAndLeave(stats))));
    }

    /** A new user signing up, then in: application session, sign-up, login, session destroyed. */
    static ScenarioBuilder signUp(LoadRun run, String client) {
        CallStats stats = run.stats();
        ChainBuilder chain = arrive(run, client, () -> run.newSignUpUser(client))
                .exec(timed(stats, SIGN_UP, session -> agent(session).signUp(user(session))))
                .exitHereIfFailed()
                .exec(timed(stats, LOGIN, session -> agent(session).login(user(session), false))
                        .onSuccess(Scenarios::saveUserId))
                .exitHereIfFailed()
                .exec(useAndLeave(stats));
        return scenario("sign-up " + client).group(client).on(group(RequestNames.STORM).on(chain));
    }

    /**
     * Many virtual users on a few shared identities, in waves: each user takes the next identity, and in a wave
     * makes an authenticated call and reads the session, pausing after each; between waves it waits. The first call
     * of each wave meets an expired session, which the client re-creates once for all of them.
     */
    static ScenarioBuilder sessionRefresh(LoadRun run, String client) {
        return scenario("session-refresh " + client).group(client).on(group(RequestNames.REFRESH).on(
                waves(run, run.waves(), run.config().think(), () -> run.nextIdentity(client))));
    }

    /**
     * Thousands of users, each with its own session in the client's one user pool (the raw baseline: one hand-kept
     * session each), after the session refresh, in waves at most half a TTL long: each virtual user takes the next
     * user (a few virtual users per user) and calls as in the session refresh. Every session expires between waves;
     * each wave re-creates, once, the session of every user it reaches.
     */
    static ScenarioBuilder manyUsers(LoadRun run, String client) {
        return scenario("many-users " + client).group(client).on(group(RequestNames.MANY_USERS).on(
                waves(run, run.poolWaves(), run.config().poolThink(), () -> run.nextPoolUser(client))));
    }

    /**
     * The fleet scenario, one side: in waves at most half a TTL long, each virtual user takes the next
     * (instance, identity) pair — the same identity on every instance in turn, then the next identity — and calls as
     * in the session refresh. Every session expires between waves, so each wave opens with the instances of the
     * fleet all needing a new session for the same users at once.
     */
    static ScenarioBuilder fleet(LoadRun run, FleetRun fleet, String side) {
        String client = FleetRun.clientName(side);
        return scenario("fleet " + client).group(client).on(group(RequestNames.FLEET).on(
                waves(run, fleet.waves(side), fleet.settings().think(), () -> fleet.next(side))));
    }

    /** One synthetic request after a fleet side's phase: OK when the side did what it is for. */
    static ScenarioBuilder fleetCheck(LoadRun run, FleetRun fleet, String side) {
        String client = FleetRun.clientName(side);
        return scenario("fleet-check " + client).group(client).on(group(RequestNames.FLEET).on(
                exec(timed(run.stats(), RequestNames.FLEET_CHECK, session -> fleet.verdict(side).asStage()))));
    }

    /** One synthetic request after the session-refresh phase: OK when single-flight held for the client. */
    static ScenarioBuilder singleFlightCheck(LoadRun run, String client) {
        return check(run, client, RequestNames.REFRESH, Workload.SESSION_REFRESH, run.config().identities(),
                run.waves());
    }

    /** One synthetic request after the many-users phase: OK when single-flight held for each of the client's users. */
    static ScenarioBuilder manyUsersCheck(LoadRun run, String client) {
        return check(run, client, RequestNames.MANY_USERS, Workload.MANY_USERS, run.config().poolUsers(),
                run.poolWaves());
    }

    private static ScenarioBuilder check(LoadRun run, String client, String phase, Workload workload,
            int identities, ExpiryWaves waves) {
        String label = phase.equals(RequestNames.REFRESH) ? client : client + " " + phase;
        return scenario("single-flight-check " + label).group(client).on(group(phase).on(
                exec(timed(run.stats(), SINGLE_FLIGHT_CHECK, session -> {
                    SingleFlightVerdict verdict = new SingleFlightVerdict(label,
                            run.target().sessionsCreated(client, workload).orElse(0), identities,
                            Math.max(0, waves.wavesEntered() - 1));
                    run.recordVerdict(verdict);
                    return verdict.asStage();
                }))));
    }

    /**
     * The rhythm of {@code waves} on identities from {@code next}: call in a wave (pausing {@code think} after each
     * call), else wait for the next one.
     */
    private static ChainBuilder waves(LoadRun run, ExpiryWaves waves, Duration think,
            Supplier<SharedIdentity> next) {
        CallStats stats = run.stats();
        ChainBuilder calls = exec(timed(stats, API_CALL, session -> identity(session).userId()
                .thenCompose(id -> identity(session).agent().apiCall(userPath(id)))))
                .pause(think)
                .exec(timed(stats, GET_SESSION, session -> identity(session).userId()
                        .thenCompose(id -> identity(session).agent().getSession())))
                .pause(think);
        return exec(session -> session
                .set(IDENTITY, next.get())
                .set(STEP, waves.next(System.currentTimeMillis())))
                .exec(doIfOrElse(session -> step(session).call())
                        .then(calls)
                        .orElse(pause(session -> Duration.ofMillis(step(session).waitMillis()))));
    }

    private static ChainBuilder arrive(LoadRun run, String client, Supplier<UserAccount> user) {
        return exec(session -> session
                .set(AGENT, run.driver(client).newAgent(run.target().app(client, Workload.LOGIN_STORM)))
                .set(USER, user.get()))
                .exec(timed(run.stats(), CREATE_APP_SESSION, session -> agent(session).createAppSession()))
                .exitHereIfFailed();
    }

    private static ChainBuilder useAndLeave(CallStats stats) {
        return exec(timed(stats, API_CALL, session -> agent(session).apiCall(userPath(session.getLong(USER_ID)))))
                .exec(timed(stats, DESTROY_SESSION, session -> agent(session).destroySession()))
                .exec(session -> {
                    agent(session).close();
                    return session;
                });
    }

    private static Session saveUserId(Session session, Long id) {
        return session.set(USER_ID, id);
    }

    private static String userPath(long id) {
        return "/users/" + id + ".json";
    }

    private static Agent agent(Session session) {
        return session.get(AGENT);
    }

    private static UserAccount user(Session session) {
        return session.get(USER);
    }

    private static SharedIdentity identity(Session session) {
        return session.get(IDENTITY);
    }

    private static ExpiryWaves.Step step(Session session) {
        return session.get(STEP);
    }
}
