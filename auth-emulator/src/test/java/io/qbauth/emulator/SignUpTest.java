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

/** POST /users.json: with a session token and with an API key, success and every validation error. */
class SignUpTest {

    private static final MutableClock CLOCK = new MutableClock(Fixtures.PINNED);
    private static final String TOO_SHORT = "is too short (minimum is 8 characters)";
    private static final String BAD_CHARACTERS = "should contain alphanumeric and punctuation characters only";

    @RegisterExtension
    static final QbEmulatorExtension EMULATOR = Fixtures.standard(QbEmulatorExtension.builder(), CLOCK).build();

    private QbClient client;
    private String appToken;

    @BeforeEach
    void setUp(QbEmulator emulator) {
        client = new QbClient(emulator.baseUrl(), CLOCK);
        appToken = client.appToken();
    }

    @Test
    void creates_a_user_from_the_js_sdk_capture_with201(QbEmulator emulator) {
        long signupsBefore = emulator.stats(Fixtures.APP_ID).signupsCreated();

        Reply reply = client.signUp(appToken, "user[email]=carol%2Bqb%40example.com"
                + "&user[full_name]=Carol%20Q.%20Blox&user[login]=carol_qb&user[password]=carolPass123"
                + "&user[tag_list]=tagA%2CtagB");

        assertThat(reply.status()).isEqualTo(201);
        assertStandardHeaders(reply);
        assertThat(reply.header("QB-Token-ExpirationDate")).isEqualTo("2023-11-15 00:13:20 UTC");
        long id = reply.user().getLong("id");
        assertThat(reply.body()).isEqualTo("{\"user\":{\"id\":" + id + ",\"full_name\":\"Carol Q. Blox\","
                + "\"email\":\"carol+qb@example.com\",\"login\":\"carol_qb\",\"phone\":null,\"website\":null,"
                + "\"created_at\":\"2023-11-14T22:13:20Z\",\"updated_at\":\"2023-11-14T22:13:20Z\","
                + "\"last_request_at\":null,\"external_user_id\":null,\"facebook_id\":null,\"twitter_id\":null,"
                + "\"blob_id\":null,\"custom_data\":null,\"user_tags\":\"tagA,tagB\",\"age_over16\":false,"
                + "\"allow_statistics_analysis\":false,\"allow_sales_activities\":false,\"parents_contacts\":\"\"}}");
        assertThat(emulator.stats(Fixtures.APP_ID).signupsCreated()).isEqualTo(signupsBefore + 1);
        assertThat(client.createSession("user[login]", "carol_qb", "user[password]", "carolPass123").status())
                .as("the new user can log in").isEqualTo(201);
    }

    @Test
    void trims_string_fields_but_not_the_password() {
        Reply reply = client.signUp(appToken, "user[login]=%20%20dave_qb%20&user[full_name]=%20Dave%20"
                + "&user[password]=davePass123&user[website]=%20https://dave.example%20"
                + "&user[external_user_id]=%2042%20&user[custom_data]=%20{x}%20");

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(reply.user().getString("login")).isEqualTo("dave_qb");
        assertThat(reply.user().getString("full_name")).isEqualTo("Dave");
        assertThat(reply.user().getString("website")).isEqualTo("https://dave.example");
        assertThat(reply.user().getLong("external_user_id")).isEqualTo(42L);
        assertThat(reply.user().getString("custom_data")).isEqualTo("{x}");
    }

    @Test
    void taken_login_is422_field_keyed() {
        assertJsonReply(client.signUp(appToken, "user[login]=ALICE_QB&user[password]=somePass123"), 422,
                "{\"errors\":{\"login\":[\"has already been taken\"]}}");
    }

    @Test
    void taken_email_is422_field_keyed() {
        assertJsonReply(client.signUp(appToken, "user[email]=alice%2Bqb%40example.com&user[password]=somePass123"),
                422, "{\"errors\":{\"email\":[\"has already been taken\"]}}");
    }

    @Test
    void password_rules_are422_with_one_or_both_messages() {
        assertJsonReply(client.signUp(appToken, "user[login]=eve1&user[password]=short"), 422,
                "{\"errors\":{\"password\":[\"" + TOO_SHORT + "\"]}}");
        assertJsonReply(client.signUp(appToken, "user[login]=eve2&user[password]=with%20a%20space"), 422,
                "{\"errors\":{\"password\":[\"" + BAD_CHARACTERS + "\"]}}");
        assertJsonReply(client.signUp(appToken, "user[login]=eve3&user[password]=a%20b"), 422,
                "{\"errors\":{\"password\":[\"" + BAD_CHARACTERS + "\",\"" + TOO_SHORT + "\"]}}");
        assertJsonReply(client.signUp(appToken, "user[login]=eve4"), 422,
                "{\"errors\":{\"password\":[\"can't be blank\"]}}");
    }

    @Test
    void the_captured_taken_login_and_short_password_come_together() {
        assertJsonReply(client.signUp(appToken, "user[login]=alice_qb&user[password]=short"), 422,
                "{\"errors\":{\"login\":[\"has already been taken\"],\"password\":[\"" + TOO_SHORT + "\"]}}");
    }

    @Test
    void login_or_email_is_required_and_email_must_look_like_one() {
        assertJsonReply(client.signUp(appToken, "user[full_name]=Nobody&user[password]=nobodyPass1"), 422,
                "{\"errors\":{\"base\":[\"Login or email required\"]}}");
        assertJsonReply(client.signUp(appToken, "user[email]=not-an-email&user[password]=nobodyPass1"), 422,
                "{\"errors\":{\"email\":[\"is invalid\"]}}");
        assertJsonReply(client.signUp(appToken, "user[login]=num&user[password]=nobodyPass1"
                + "&user[external_user_id]=abc"), 422, "{\"errors\":{\"external_user_id\":[\"is not a number\"]}}");
    }

    @Test
    void facebook_id_and_external_user_id_are_unique() {
        assertThat(client.signUp(appToken, "user[login]=fb1&user[password]=fbPass1234&user[facebook_id]=777"
                + "&user[external_user_id]=9001").status()).isEqualTo(201);

        assertJsonReply(client.signUp(appToken, "user[login]=fb2&user[password]=fbPass1234&user[facebook_id]=777"
                        + "&user[external_user_id]=9001"), 422,
                "{\"errors\":{\"external_user_id\":[\"has already been taken\"],"
                        + "\"facebook_id\":[\"has already been taken\"]}}");
    }

    @Test
    void accepts_a_json_body_and_a_user_session() {
        String userToken = client.userToken(Fixtures.ALICE_LOGIN, Fixtures.ALICE_PASSWORD);

        Reply reply = client.http().post("/users.json", Http.JSON,
                "{\"user\":{\"login\":\"frank_qb\",\"password\":\"frankPass1\",\"tag_list\":[\"a\",\"b\"],"
                        + "\"external_user_id\":1234}}", "QB-Token", userToken);

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(reply.user().getString("user_tags")).isEqualTo("a,b");
        assertThat(reply.user().getLong("external_user_id")).isEqualTo(1234L);
    }

    @Test
    void server_flavour_with_api_key_creates_users() {
        Reply reply = client.http().post("/users.json", Http.JSON,
                "{\"user\":{\"login\":\"grace_qb\",\"password\":\"gracePass1\"}}",
                "Authorization", "ApiKey " + Fixtures.API_KEY);

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertStandardHeaders(reply);
        assertThat(reply.user().getString("login")).isEqualTo("grace_qb");
    }

    @Test
    void server_flavour_honours_on_behalf_of_and_rejects_bad_keys() {
        long alice = client.createSession("user[login]", Fixtures.ALICE_LOGIN,
                "user[password]", Fixtures.ALICE_PASSWORD).session().getLong("user_id");
        Http http = client.http();
        String body = "{\"user\":{\"login\":\"heidi_qb\",\"password\":\"heidiPass1\"}}";

        assertThat(http.post("/users.json", Http.JSON, body, "Authorization", "ApiKey " + Fixtures.API_KEY,
                "On-Behalf-Of", Long.toString(alice)).status()).isEqualTo(201);
        assertJsonReply(http.post("/users.json", Http.JSON, body, "Authorization", "ApiKey wrong-key"), 401,
                "{\"errors\":{\"base\":[\"Invalid API key\"]}}");
        assertJsonReply(http.post("/users.json", Http.JSON, body, "Authorization", "ApiKey " + Fixtures.API_KEY,
                "On-Behalf-Of", "987654"), 404, "{\"errors\":{\"base\":[\"User not found\"]}}");
        assertJsonReply(http.post("/users.json", Http.JSON, body, "Authorization", "ApiKey " + Fixtures.API_KEY,
                "On-Behalf-Of", "alice"), 422, "{\"errors\":{\"base\":[\"On-Behalf-Of must be a user id\"]}}");
    }

    @Test
    void token_errors_are_the_same_as_for_get_session() {
        client.deleteSession(appToken);

        assertJsonReply(client.signUp(appToken, "user[login]=ivan&user[password]=ivanPass123"), 401,
                "{\"errors\":{\"base\":[\"Required session does not exist\"]}}");
        assertJsonReply(client.http().post("/users", Http.FORM, "user[login]=ivan&user[password]=ivanPass123"),
                401, "{\"errors\":[\"Token is required\"]}");
    }
}
