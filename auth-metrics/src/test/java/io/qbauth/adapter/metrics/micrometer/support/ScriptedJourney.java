package io.qbauth.adapter.metrics.micrometer.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qbauth.BlockingQbAuthClient;
import io.qbauth.QbAuthClient;
import io.qbauth.domain.ApiRequest;
import io.qbauth.domain.Credentials;
import io.qbauth.domain.InvalidCredentialsException;
import io.qbauth.domain.Session;
import io.qbauth.domain.SessionKind;
import io.qbauth.domain.User;
import io.qbauth.emulator.Fault;
import io.qbauth.emulator.QbEmulator;
import io.qbauth.testkit.TestClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The scripted journey the Prometheus and ops-kit tests scrape after, against the emulator of {@link Emulators}:
 * <ol>
 *   <li>create an application session;</li>
 *   <li>log Alice in with a wrong password (fails), then with hers;</li>
 *   <li>get the session; read Alice's user ({@code GET /users/{id}.json?login=...});</li>
 *   <li>move the emulator clock 3 hours on, so the server drops the session, and read Alice again: the SDK
 *       re-creates her user session and replays the call;</li>
 *   <li>log out; destroy the session;</li>
 *   <li>{@value #CONCURRENT_CALLS} concurrent {@code getSession()} calls with no session: one creation, held
 *       {@link #HELD_CREATION} at the emulator so that the others join its flight;</li>
 *   <li>adopt the current token with {@code startSessionWithToken}.</li>
 * </ol>
 */
public final class ScriptedJourney {

    public static final int CONCURRENT_CALLS = 8;
    public static final Duration SERVER_SIDE_AGEING = Duration.ofHours(3);
    /** How long the emulator holds the shared creation: the other calls must find it in flight, not done. */
    public static final Duration HELD_CREATION = Duration.ofMillis(300);

    /**
     * What the journey saw, to check that none of it leaks into the metrics.
     *
     * @param aliceId Alice's user id
     * @param tokens  every session token the client held
     */
    public record Seen(long aliceId, Set<String> tokens) {
    }

    private ScriptedJourney() {
    }

    /** Runs the journey against {@code emulator}, whose clock is {@code emulatorClock}. */
    public static Seen run(QbAuthClient client, QbEmulator emulator, TestClock emulatorClock) {
        BlockingQbAuthClient blocking = client.blocking();
        Set<String> tokens = new LinkedHashSet<>();

        tokens.add(blocking.createApplicationSession().token().value());
        assertThatThrownBy(() -> blocking.login(Credentials.login(Emulators.ALICE, "not-" + Emulators.ALICE_PASSWORD)))
                .isInstanceOf(InvalidCredentialsException.class);
        User alice = blocking.login(Credentials.login(Emulators.ALICE, Emulators.ALICE_PASSWORD));
        assertThat(blocking.getSession().kind()).isEqualTo(SessionKind.USER);
        ApiRequest readAlice = ApiRequest.get("/users/" + alice.id() + ".json").query("login", Emulators.ALICE);
        assertThat(blocking.execute(readAlice).status()).isEqualTo(200);
        tokens.add(token(client));

        emulatorClock.advance(SERVER_SIDE_AGEING);
        assertThat(blocking.execute(readAlice).status()).isEqualTo(200);
        tokens.add(token(client));

        blocking.logout();
        blocking.destroySession();
        emulator.faults().set(Fault.latency(HELD_CREATION).on("POST", "/session.json").times(1));
        List<CompletableFuture<Session>> calls = new ArrayList<>();
        for (int i = 0; i < CONCURRENT_CALLS; i++) {
            calls.add(client.getSession().toCompletableFuture());
        }
        calls.forEach(CompletableFuture::join);
        String token = token(client);
        tokens.add(token);
        assertThat(blocking.startSessionWithToken(token).kind()).isEqualTo(SessionKind.APPLICATION);
        return new Seen(alice.id(), tokens);
    }

    private static String token(QbAuthClient client) {
        return client.currentSession().orElseThrow().token().value();
    }
}
