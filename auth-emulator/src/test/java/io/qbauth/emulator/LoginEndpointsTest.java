package io.qbauth.emulator;

import static io.qbauth.emulator.support.ReplyAssertions.assertJsonReply;
import static io.qbauth.emulator.support.ReplyAssertions.assertStandardHeaders;
import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.emulator.junit.QbEmulatorExtension;
import io.qbauth.emulator.support.Fixtures;
import io.qbauth.emulator.support.Http;
import io.qbauth.emulator.support.MutableClock;
import io.qbauth.emulator.support.QbClient;
import io.qbauth.emulator.support.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** POST and DELETE /login.json: the same token is upgraded to a user session and downgraded again. */
class LoginEndpointsTest {

    private static final MutableClock CLOCK = new MutableClock(Fixtures.PINNED);
    private static final String UNAUTHORIZED = "{\"errors\":[\"Unauthorized\"]}";

    @RegisterExtension
    static final QbEmulatorExtension EMULATOR = Fixtures.standard(QbEmulatorExtension.builder(), CLOCK).build();

    private QbClient client;

    @BeforeEach
    void setUp(QbEmulator emulator) {
        client = new QbClient(emulator.baseUrl(), CLOCK);
    }

    @Test
    void login_upgrades_the_same_token_and_answers202_with_the_user(QbEmulator emulator) {
        String token = client.appToken();
        long loginsBefore = emulator.stats(Fixtures.APP_ID).logins();

        Reply reply = client.login(token, "login=alice_qb&password=alicePass123");

        assertThat(reply.status()).isEqualTo(202);
        assertStandardHeaders(reply);
        assertThat(reply.header("QB-Token-ExpirationDate")).isEqualTo("2023-11-15 00:13:20 UTC");
        assertThat(reply.user().getString("login")).isEqualTo(Fixtures.ALICE_LOGIN);
        assertThat(reply.user().getString("email")).isEqualTo(Fixtures.ALICE_EMAIL);
        assertThat(reply.user().getString("last_request_at")).isEqualTo("2023-11-14T22:13:20Z");
        assertThat(reply.body()).doesNotContain("password").doesNotContain(Fixtures.ALICE_PASSWORD);
        Reply session = client.getSession(token);
        assertThat(session.session().getLong("user_id")).isEqualTo(reply.user().getLong("id"));
        assertThat(session.session().getString("token")).isEqualTo(token);
        assertThat(emulator.stats(Fixtures.APP_ID).logins()).isEqualTo(loginsBefore + 1);
    }

    @Test
    void logs_in_by_email_and_with_a_json_body() {
        String token = client.appToken();

        Reply byEmail = client.login(token, "email=alice%2Bqb%40example.com&password=alicePass123");
        Reply byJson = client.http().post("/login.json", Http.JSON,
                "{\"login\":\"alice_qb\",\"password\":\"alicePass123\"}", "QB-Token", client.appToken());

        assertThat(byEmail.status()).isEqualTo(202);
        assertThat(byJson.status()).isEqualTo(202);
        assertThat(byEmail.user().getLong("id")).isEqualTo(byJson.user().getLong("id"));
    }

    @Test
    void wrong_password_is401_unauthorized_and_keeps_the_session_an_application_session() {
        String token = client.appToken();

        Reply reply = client.login(token, "login=alice_qb&password=WRONGpass999");

        assertJsonReply(reply, 401, UNAUTHORIZED);
        assertThat(reply.header("QB-Token-ExpirationDate")).isEqualTo("2023-11-15 00:13:20 UTC");
        assertThat(client.getSession(token).session().getLong("user_id")).isZero();
    }

    @Test
    void unknown_login_missing_password_or_no_credentials_are401_unauthorized() {
        String token = client.appToken();

        assertJsonReply(client.login(token, "login=nobody&password=whatever123"), 401, UNAUTHORIZED);
        assertJsonReply(client.login(token, "login=alice_qb"), 401, UNAUTHORIZED);
        assertJsonReply(client.login(token, ""), 401, UNAUTHORIZED);
        assertJsonReply(client.login(token, "provider=myspace&keys[token]=x"), 401, UNAUTHORIZED);
    }

    @Test
    void logout_answers200_empty_and_the_token_goes_back_to_user_zero() {
        String token = client.appToken();
        client.login(token, "login=alice_qb&password=alicePass123");

        Reply reply = client.logout(token);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEmpty();
        assertThat(reply.header("QB-Token-ExpirationDate")).isEqualTo("2023-11-15 00:13:20 UTC");
        Reply session = client.getSession(token);
        assertThat(session.status()).isEqualTo(200);
        assertThat(session.session().getLong("user_id")).isZero();
    }

    @Test
    void login_and_logout_without_path_suffix() {
        String token = client.appToken();
        Http http = client.http();

        assertThat(http.post("/login", Http.FORM, "login=alice_qb&password=alicePass123", "QB-Token", token)
                .status()).isEqualTo(202);
        assertThat(http.delete("/login", "QB-Token", token).status()).isEqualTo(200);
    }

    @Test
    void token_errors_are_the_same_as_for_get_session() {
        String token = client.appToken();
        client.deleteSession(token);

        assertJsonReply(client.login(token, "login=alice_qb&password=alicePass123"), 401,
                "{\"errors\":{\"base\":[\"Required session does not exist\"]}}");
        assertJsonReply(client.logout(token), 401, "{\"errors\":{\"base\":[\"Required session does not exist\"]}}");
        assertJsonReply(client.http().post("/login.json", Http.FORM, "login=alice_qb&password=alicePass123"), 401,
                "{\"errors\":[\"Token is required\"]}");
    }

    @Test
    void login_on_a_user_session_switches_the_user() {
        String token = client.userToken(Fixtures.ALICE_LOGIN, Fixtures.ALICE_PASSWORD);
        long bob = client.signUpUser(token, "bob_switch", "bobPass1234");

        Reply reply = client.login(token, "login=bob_switch&password=bobPass1234");

        assertThat(reply.status()).isEqualTo(202);
        assertThat(client.getSession(token).session().getLong("user_id")).isEqualTo(bob);
    }
}
