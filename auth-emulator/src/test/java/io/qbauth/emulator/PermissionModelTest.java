package io.qbauth.emulator;

import static io.qbauth.emulator.support.ReplyAssertions.assertJsonReply;
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

/**
 * The permission model (protocol doc section 5) on GET and PUT /users/{id}.json: any session reads, only a user
 * session writes, and only its own user.
 */
class PermissionModelTest {

    private static final MutableClock CLOCK = new MutableClock(Fixtures.PINNED);
    private static final String NEED_USER = "{\"errors\":{\"base\":[\"Forbidden. Need user.\"]}}";

    @RegisterExtension
    static final QbEmulatorExtension EMULATOR = Fixtures.standard(QbEmulatorExtension.builder(), CLOCK).build();

    private QbClient client;
    private Http http;
    private String aliceToken;
    private long alice;

    @BeforeEach
    void setUp(QbEmulator emulator) {
        client = new QbClient(emulator.baseUrl(), CLOCK);
        http = client.http();
        Reply session = client.createSession("user[login]", Fixtures.ALICE_LOGIN,
                "user[password]", Fixtures.ALICE_PASSWORD);
        aliceToken = session.session().getString("token");
        alice = session.session().getLong("user_id");
    }

    @Test
    void any_session_may_read_a_user() {
        Reply byApp = http.get("/users/" + alice + ".json", "QB-Token", client.appToken());
        Reply byUser = http.get("/users/" + alice, "QB-Token", aliceToken);

        assertThat(byApp.status()).isEqualTo(200);
        assertThat(byApp.user().getString("login")).isEqualTo(Fixtures.ALICE_LOGIN);
        assertThat(byApp.header("QB-Token-ExpirationDate")).isNotNull();
        assertThat(byUser.body()).isEqualTo(byApp.body());
        assertJsonReply(http.get("/users/999999.json", "QB-Token", aliceToken), 404,
                "{\"errors\":{\"base\":[\"User not found\"]}}");
    }

    @Test
    void an_application_session_may_not_write() {
        Reply reply = http.put("/users/" + alice + ".json", Http.FORM, "user[full_name]=Mallory",
                "QB-Token", client.appToken());

        assertJsonReply(reply, 403, NEED_USER);
        assertThat(reply.header("QB-Token-ExpirationDate")).as("the caller was authenticated").isNotNull();
    }

    @Test
    void a_user_session_updates_its_own_user_only() {
        long other = client.signUpUser(aliceToken, "oscar_qb", "oscarPass1");

        Reply own = http.put("/users/" + alice + ".json", Http.JSON, "{\"user\":{\"full_name\":\" Alice B. \"}}",
                "QB-Token", aliceToken);
        Reply foreign = http.put("/users/" + other + ".json", Http.FORM, "user[full_name]=Hijack",
                "QB-Token", aliceToken);

        assertThat(own.status()).isEqualTo(200);
        assertThat(own.user().getString("full_name")).isEqualTo("Alice B.");
        assertThat(own.user().getString("login")).isEqualTo(Fixtures.ALICE_LOGIN);
        assertJsonReply(foreign, 403, "{\"errors\":{\"base\":[\"Forbidden. Not your user.\"]}}");
    }

    @Test
    void updates_are_validated() {
        client.signUpUser(aliceToken, "peggy_qb", "peggyPass1");

        assertJsonReply(http.put("/users/" + alice, Http.FORM, "user[login]=peggy_qb", "QB-Token", aliceToken), 422,
                "{\"errors\":{\"login\":[\"has already been taken\"]}}");
    }

    @Test
    void a_password_change_needs_the_current_password() {
        long quinn = client.signUpUser(aliceToken, "quinn_qb", "quinnPass1");
        String quinnToken = client.userToken("quinn_qb", "quinnPass1");
        String path = "/users/" + quinn + ".json";

        assertJsonReply(http.put(path, Http.FORM, "user[password]=newPass123", "QB-Token", quinnToken), 422,
                "{\"errors\":{\"old_password\":[\"can't be blank\"]}}");
        assertJsonReply(http.put(path, Http.FORM, "user[password]=newPass123&user[old_password]=wrongPass1",
                "QB-Token", quinnToken), 422, "{\"errors\":{\"old_password\":[\"is invalid\"]}}");
        assertThat(http.put(path, Http.FORM, "user[password]=newPass123&user[old_password]=quinnPass1",
                "QB-Token", quinnToken).status()).isEqualTo(200);
        assertThat(client.createSession("user[login]", "quinn_qb", "user[password]", "newPass123").status())
                .isEqualTo(201);
        assertThat(client.createSession("user[login]", "quinn_qb", "user[password]", "quinnPass1").status())
                .isEqualTo(401);
    }

    @Test
    void a_server_key_writes_any_user_unless_it_acts_on_behalf_of_another() {
        long rupert = client.signUpUser(aliceToken, "rupert_qb", "rupertPass1");
        String apiKey = "ApiKey " + Fixtures.API_KEY;

        assertThat(http.put("/users/" + rupert + ".json", Http.FORM, "user[phone]=123", "Authorization", apiKey)
                .status()).isEqualTo(200);
        assertThat(http.put("/users/" + rupert + ".json", Http.FORM, "user[phone]=456", "Authorization", apiKey,
                "On-Behalf-Of", Long.toString(rupert)).user().getString("phone")).isEqualTo("456");
        assertJsonReply(http.put("/users/" + rupert + ".json", Http.FORM, "user[phone]=789", "Authorization", apiKey,
                "On-Behalf-Of", Long.toString(alice)), 403, "{\"errors\":{\"base\":[\"Forbidden. Not your user.\"]}}");
    }

    @Test
    void a_dead_session_is401_and_a_new_session_can_retry() {
        String token = client.appToken();
        client.deleteSession(token);

        assertJsonReply(http.get("/users/" + alice + ".json", "QB-Token", token), 401,
                "{\"errors\":{\"base\":[\"Required session does not exist\"]}}");
        assertThat(http.get("/users/" + alice + ".json", "QB-Token", client.appToken()).status()).isEqualTo(200);
    }
}
