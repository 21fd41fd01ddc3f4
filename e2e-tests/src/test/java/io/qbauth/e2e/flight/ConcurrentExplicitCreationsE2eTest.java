package io.qbauth.e2e.flight;

import static io.qbauth.e2e.support.QuickBloxFixture.ALICE_LOGIN;
import static io.qbauth.e2e.support.QuickBloxFixture.ALICE_PASSWORD;
import static io.qbauth.e2e.support.QuickBloxFixture.APP_ID;
import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.QbAuthClient;
import io.qbauth.domain.Credentials;
import io.qbauth.domain.Session;
import io.qbauth.domain.SessionExpiredException;
import io.qbauth.domain.SessionKind;
import io.qbauth.e2e.support.QuickBloxFixture;
import io.qbauth.e2e.support.TransportTest;
import io.qbauth.e2e.support.TransportUnderTest;
import io.qbauth.e2e.support.Within;
import io.qbauth.emulator.Fault;
import io.qbauth.emulator.QbEmulator;
import io.qbauth.spi.AuthTransport;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;

/**
 * Explicit creations that overlap: equal ones (the application session, or the same user's credentials) share one
 * creation and every caller gets its session; one for another identity supersedes the earlier, whose callers fail
 * with {@link SessionExpiredException} (they asked for a session the client no longer holds).
 */
@Timeout(60)
class ConcurrentExplicitCreationsE2eTest {

    private final QbEmulator emu = QuickBloxFixture.emulator().user(APP_ID, "bob_qb", "bobPass1234").start();

    @AfterEach
    void stopEmulator() {
        emu.close();
    }

    @TransportTest
    void concurrent_application_session_creations_share_one_session(TransportUnderTest transport) {
        emu.faults().set(Fault.latency(Duration.ofMillis(300)).on("POST", "/session.json"));
        try (AuthTransport wire = transport.create();
             QbAuthClient client = QuickBloxFixture.client(emu, wire).build()) {
            List<CompletionStage<Session>> calls = IntStream.range(0, 8)
                    .mapToObj(i -> client.createApplicationSession()).toList();

            List<Session> sessions = calls.stream().map(Within::result).toList();

            assertThat(sessions).extracting(Session::token).containsOnly(sessions.get(0).token());
            assertThat(sessions).extracting(Session::kind).containsOnly(SessionKind.APPLICATION);
            assertThat(emu.stats(APP_ID).sessionsCreated()).isEqualTo(1);
            assertThat(client.currentSession().orElseThrow().token()).isEqualTo(sessions.get(0).token());
        }
    }

    @TransportTest
    void concurrent_creations_for_the_same_user_share_one_session(TransportUnderTest transport) {
        emu.faults().set(Fault.latency(Duration.ofMillis(300)).on("POST", "/session.json"));
        try (AuthTransport wire = transport.create();
             QbAuthClient client = QuickBloxFixture.client(emu, wire).build()) {
            CompletionStage<Session> first = client.createUserSession(Credentials.login(ALICE_LOGIN, ALICE_PASSWORD));
            CompletionStage<Session> second = client.createUserSession(Credentials.login(ALICE_LOGIN,
                    ALICE_PASSWORD));

            assertThat(Within.result(first).token()).isEqualTo(Within.result(second).token());
            assertThat(emu.stats(APP_ID).sessionsCreated()).isEqualTo(1);
        }
    }

    @TransportTest
    void a_creation_for_another_user_supersedes_the_earlier_one(TransportUnderTest transport) {
        emu.faults().set(Fault.latency(Duration.ofMillis(300)).on("POST", "/session.json"));
        try (AuthTransport wire = transport.create();
             QbAuthClient client = QuickBloxFixture.client(emu, wire).build()) {
            CompletionStage<Session> alice = client.createUserSession(Credentials.login(ALICE_LOGIN, ALICE_PASSWORD));
            CompletionStage<Session> bob = client.createUserSession(Credentials.login("bob_qb", "bobPass1234"));

            Session bobs = Within.result(bob);
            assertThat(Within.failure(alice)).isInstanceOf(SessionExpiredException.class);
            assertThat(client.currentSession().orElseThrow().userId()).isEqualTo(bobs.userId());
        }
    }
}
