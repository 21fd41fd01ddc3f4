package io.qbauth.e2e.pool;

import static io.qbauth.e2e.support.QuickBloxFixture.ALICE_LOGIN;
import static io.qbauth.e2e.support.QuickBloxFixture.ALICE_PASSWORD;
import static io.qbauth.e2e.support.QuickBloxFixture.APP_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qbauth.BlockingPooledUser;
import io.qbauth.QbAuthClient;
import io.qbauth.UserPool;
import io.qbauth.config.UserPoolConfig;
import io.qbauth.domain.ApiRequest;
import io.qbauth.domain.ClientClosedException;
import io.qbauth.domain.Credentials;
import io.qbauth.domain.InvalidCredentialsException;
import io.qbauth.domain.InvalidInputException;
import io.qbauth.domain.MintedToken;
import io.qbauth.domain.Session;
import io.qbauth.domain.SessionKind;
import io.qbauth.e2e.support.QuickBloxFixture;
import io.qbauth.e2e.support.TransportTest;
import io.qbauth.e2e.support.TransportUnderTest;
import io.qbauth.emulator.QbEmulator;
import io.qbauth.spi.AuthTransport;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;

/**
 * One user's trouble stays that user's: a session the server dropped, a wrong password, a logout. Plus what a pool
 * refuses before sending anything, and a minted token a front end adopts.
 */
class PoolIsolationE2eTest {

    private static final String BOB_LOGIN = "bob_qb";
    private static final String BOB_PASSWORD = "bobPass12345";
    private static final Credentials ALICE = Credentials.login(ALICE_LOGIN, ALICE_PASSWORD);
    private static final Credentials BOB = Credentials.login(BOB_LOGIN, BOB_PASSWORD);

    private final QbEmulator emulator = QuickBloxFixture.emulator().user(APP_ID, BOB_LOGIN, BOB_PASSWORD).start();

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }

    private PoolSdk pool(TransportUnderTest transport) {
        return PoolSdk.start(transport, emulator, UserPoolConfig.defaults(), UnaryOperator.identity());
    }

    @TransportTest
    void a_session_the_server_dropped_is_recreated_for_that_user_only(TransportUnderTest transport) {
        try (PoolSdk sdk = pool(transport); AuthTransport frontEndTransport = transport.create()) {
            BlockingPooledUser alice = sdk.pool().forUser("alice", ALICE).blocking();
            BlockingPooledUser bob = sdk.pool().forUser("bob", BOB).blocking();
            Session aliceBefore = alice.getSession();
            Session bobBefore = bob.getSession();
            endOnTheServer(aliceBefore, frontEndTransport);
            long createdBefore = emulator.stats(APP_ID).sessionsCreated();

            int status = alice.execute(ApiRequest.get("/users/" + aliceBefore.userId() + ".json")).status();
            Session bobAfter = bob.getSession();

            assertThat(status).isEqualTo(200);
            assertThat(emulator.stats(APP_ID).sessionsCreated()).isEqualTo(createdBefore + 1);
            Session aliceAfter = alice.currentSession().orElseThrow();
            assertThat(aliceAfter.token()).isNotEqualTo(aliceBefore.token());
            assertThat(aliceAfter.userId()).isEqualTo(aliceBefore.userId());
            assertThat(bobAfter.token()).isEqualTo(bobBefore.token());
        }
    }

    @TransportTest
    void a_wrong_password_for_one_user_never_touches_another(TransportUnderTest transport) {
        try (PoolSdk sdk = pool(transport)) {
            BlockingPooledUser alice = sdk.pool().forUser("alice", ALICE).blocking();
            Session aliceBefore = alice.getSession();
            long createdBefore = emulator.stats(APP_ID).sessionsCreated();

            BlockingPooledUser impostor = sdk.pool().forUser("mallory", Credentials.login(ALICE_LOGIN, "wrong")).blocking();
            assertThatThrownBy(impostor::getSession).isInstanceOf(InvalidCredentialsException.class)
                    .hasMessageNotContaining("wrong");
            assertThatThrownBy(impostor::getSession).isInstanceOf(InvalidCredentialsException.class);

            assertThat(alice.getSession().token()).isEqualTo(aliceBefore.token());
            assertThat(emulator.stats(APP_ID).sessionsCreated()).isEqualTo(createdBefore);
        }
    }

    @TransportTest
    void logout_of_one_user_leaves_the_others_logged_in(TransportUnderTest transport) {
        try (PoolSdk sdk = pool(transport); AuthTransport frontEndTransport = transport.create()) {
            BlockingPooledUser alice = sdk.pool().forUser("alice", ALICE).blocking();
            BlockingPooledUser bob = sdk.pool().forUser("bob", BOB).blocking();
            Session aliceBefore = alice.getSession();
            Session bobBefore = bob.getSession();

            bob.logout();

            Session aliceAfter = alice.getSession();
            assertThat(aliceAfter.token()).isEqualTo(aliceBefore.token());
            assertThat(aliceAfter.kind()).isEqualTo(SessionKind.USER);
            assertThat(sdk.pool().size()).isEqualTo(1);
            assertThat(bob.currentSession()).isEmpty();
            try (QbAuthClient frontEnd = QuickBloxFixture.client(emulator, frontEndTransport).build()) {
                assertThat(frontEnd.blocking().startSessionWithToken(bobBefore.token().value()).kind())
                        .as("bob's token is an application session now").isEqualTo(SessionKind.APPLICATION);
            }
            assertThat(bob.getSession().userId()).as("a later call signs bob in anew").isEqualTo(bobBefore.userId());
        }
    }

    @TransportTest
    void bad_keys_other_credentials_and_a_closed_pool_fail_typed_and_send_nothing(TransportUnderTest transport) {
        try (PoolSdk sdk = pool(transport)) {
            UserPool pool = sdk.pool();
            assertThatThrownBy(() -> pool.forUser(null, ALICE)).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> pool.forUser("", ALICE)).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> pool.forUser("  ", ALICE)).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> pool.forUser("x".repeat(1025), ALICE)).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> pool.forUser("alice", null)).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> pool.forUser("alice", ALICE).blocking().execute(null))
                    .isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> pool.forUser("alice", ALICE).blocking().mintToken(Duration.ofMinutes(-1)))
                    .isInstanceOf(InvalidInputException.class);
            long requestsBefore = emulator.stats(APP_ID).requests();
            assertThat(requestsBefore).isZero();
            pool.forUser("alice", ALICE).blocking().getSession();

            assertThatThrownBy(() -> pool.forUser("alice", BOB)).isInstanceOf(InvalidInputException.class)
                    .hasMessageNotContaining(BOB_PASSWORD);
            long afterAlice = emulator.stats(APP_ID).requests();
            pool.close();
            assertThatThrownBy(() -> pool.forUser("bob", BOB)).isInstanceOf(ClientClosedException.class);
            assertThat(pool.mintToken("bob", BOB, Duration.ZERO).toCompletableFuture())
                    .failsWithin(Duration.ofSeconds(5)).withThrowableOfType(Exception.class)
                    .withCauseInstanceOf(ClientClosedException.class);

            assertThat(emulator.stats(APP_ID).requests()).isEqualTo(afterAlice);
        }
    }

    @TransportTest
    void a_token_minted_on_the_server_is_adopted_by_the_users_front_end(TransportUnderTest transport) {
        try (PoolSdk sdk = pool(transport); AuthTransport frontEndTransport = transport.create()) {
            MintedToken minted = sdk.pool().mintToken("alice", ALICE, Duration.ofMinutes(90))
                    .toCompletableFuture().join();
            MintedToken again = sdk.pool().forUser("alice", ALICE).blocking().mintToken(Duration.ofMinutes(90));

            try (QbAuthClient frontEnd = QuickBloxFixture.client(emulator, frontEndTransport).build()) {
                Session adopted = frontEnd.blocking().startSessionWithToken(minted.token().value());

                assertThat(adopted.kind()).isEqualTo(SessionKind.USER);
                assertThat(adopted.userId()).isEqualTo(minted.userId());
            }
            assertThat(again.token()).isEqualTo(minted.token());
            assertThat(emulator.stats(APP_ID).sessionsCreated()).isEqualTo(1);
        }
    }

    /** The server forgets {@code session}, as when it expired there or another party destroyed it. */
    private void endOnTheServer(Session session, AuthTransport transport) {
        try (QbAuthClient other = QuickBloxFixture.client(emulator, transport).build()) {
            other.blocking().startSessionWithToken(session.token().value());
            other.blocking().destroySession();
        }
    }
}
