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
import io.qbauth.emulator.support.Signing;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** POST, GET and DELETE /session.json: every row of the protocol doc's sections 6 and 11 for sessions. */
class SessionEndpointsTest {

    private static final MutableClock CLOCK = new MutableClock(Fixtures.PINNED);
    private static final String CREATED_AT = "2023-11-14T22:13:20Z";
    private static final String EXPIRES = "2023-11-15 00:13:20 UTC";

    @RegisterExtension
    static final QbEmulatorExtension EMULATOR = Fixtures.standard(QbEmulatorExtension.builder(), CLOCK).build();

    private QbClient client;
    private Http http;

    @BeforeEach
    void setUp(QbEmulator emulator) {
        client = new QbClient(emulator.baseUrl(), CLOCK);
        http = client.http();
    }

    @Test
    void creates_an_application_session_with201_and_the_documented_object() {
        Map<String, String> params = Signing.signed(client.sessionParams(), Fixtures.AUTH_SECRET);

        Reply reply = http.post("/session.json", Http.FORM, Signing.jsForm(params));

        assertThat(reply.status()).isEqualTo(201);
        assertStandardHeaders(reply);
        assertThat(reply.header("QB-Token-ExpirationDate")).isEqualTo(EXPIRES);
        assertThat(reply.body()).matches("\\{\"session\":\\{\"_id\":\"(\\d+)\",\"application_id\":12345,"
                + "\"created_at\":\"" + CREATED_AT + "\",\"id\":\\1,\"nonce\":" + params.get("nonce")
                + ",\"token\":\"[0-9a-f]{40}\",\"ts\":1700000000,\"updated_at\":\"" + CREATED_AT
                + "\",\"user_id\":0}}");
    }

    @Test
    void get_returns_the_same_session_with200_and_the_expiry_header() {
        Reply created = client.createSession();

        Reply reply = client.getSession(created.session().getString("token"));

        assertJsonReply(reply, 200, created.body());
        assertThat(reply.header("QB-Token-ExpirationDate")).isEqualTo(EXPIRES);
    }

    @Test
    void delete_answers200_with_an_empty_body_and_kills_the_token() {
        String token = client.appToken();

        Reply deleted = client.deleteSession(token);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body()).isEmpty();
        assertThat(deleted.header("QuickBlox-REST-API-Version")).isEqualTo("0.1.1");
        assertSessionGone(client.getSession(token));
        assertSessionGone(client.deleteSession(token));
    }

    @Test
    void calls_without_token_are401_token_is_required() {
        String tokenRequired = "{\"errors\":[\"Token is required\"]}";
        assertJsonReply(http.get("/session.json"), 401, tokenRequired);
        assertJsonReply(http.delete("/session.json"), 401, tokenRequired);
        assertJsonReply(http.post("/login.json", Http.FORM, "login=a&password=b"), 401, tokenRequired);
        assertJsonReply(http.delete("/login.json"), 401, tokenRequired);
        assertJsonReply(http.post("/users.json", Http.FORM, "user[login]=x&user[password]=y"), 401,
                tokenRequired);
        assertThat(http.get("/session.json").header("QB-Token-ExpirationDate")).isNull();
    }

    @Test
    void unknown_token_is401_required_session_does_not_exist_without_expiry_header() {
        assertSessionGone(client.getSession("0123456789abcdef0123456789abcdef01234567"));
        assertSessionGone(client.logout("nope"));
    }

    @Test
    void unknown_application_is422_no_application_found() {
        assertJsonReply(createWith("application_id", "99999"), 422, "{\"errors\":{\"base\":[\"No application found\"]}}");
        assertJsonReply(http.post("/session.json", Http.FORM, "auth_key=x"), 422,
                "{\"errors\":{\"base\":[\"No application found\"]}}");
    }

    @Test
    void wrong_secret_is422_unexpected_signature_and_counted(QbEmulator emulator) {
        long rejectedBefore = emulator.stats(Fixtures.APP_ID).rejectedSignatures();

        Reply reply = client.postSigned(client.sessionParams(), "not-the-secret");

        assertJsonReply(reply, 422, "{\"errors\":{\"base\":[\"Unexpected signature\"]}}");
        assertThat(reply.header("QB-Token-ExpirationDate")).isNull();
        assertThat(emulator.stats(Fixtures.APP_ID).rejectedSignatures()).isEqualTo(rejectedBefore + 1);
    }

    @Test
    void wrong_auth_key_is422_unexpected_signature_even_when_signed_with_the_secret() {
        assertJsonReply(createWith("auth_key", "someOtherKey"), 422,
                "{\"errors\":{\"base\":[\"Unexpected signature\"]}}");
    }

    @Test
    void missing_or_malformed_signature_is422_unexpected_signature() {
        String unsigned = Signing.jsForm(client.sessionParams());
        assertJsonReply(http.post("/session.json", Http.FORM, unsigned), 422,
                "{\"errors\":{\"base\":[\"Unexpected signature\"]}}");
        assertJsonReply(http.post("/session.json", Http.FORM, unsigned + "&signature=" + "zz".repeat(20)), 422,
                "{\"errors\":{\"base\":[\"Unexpected signature\"]}}");
        assertJsonReply(http.post("/session.json", Http.FORM, unsigned + "&signature=abc"), 422,
                "{\"errors\":{\"base\":[\"Unexpected signature\"]}}");
    }

    @Test
    void wrong_user_credentials_are401_unauthorized_with_the_expiry_header() {
        Reply wrongPassword = client.createSession("user[login]", Fixtures.ALICE_LOGIN, "user[password]", "WRONGpass999");
        Reply unknownLogin = client.createSession("user[login]", "nobody_here", "user[password]", "whatever123");
        Reply wrongEmail = client.createSession("user[email]", "nobody@example.com", "user[password]", "x1234567");
        Reply missingPassword = client.createSession("user[login]", Fixtures.ALICE_LOGIN);

        for (Reply reply : new Reply[] {wrongPassword, unknownLogin, wrongEmail, missingPassword}) {
            assertJsonReply(reply, 401, "{\"errors\":[\"Unauthorized\"]}");
            assertThat(reply.header("QB-Token-ExpirationDate")).isEqualTo(EXPIRES);
        }
    }

    @Test
    void creates_user_sessions_by_login_and_by_email(QbEmulator emulator) {
        Reply byLogin = client.createSession("user[login]", Fixtures.ALICE_LOGIN,
                "user[password]", Fixtures.ALICE_PASSWORD);
        Reply byEmail = client.createSession("user[email]", Fixtures.ALICE_EMAIL,
                "user[password]", Fixtures.ALICE_PASSWORD);

        assertThat(byLogin.status()).isEqualTo(201);
        assertThat(byEmail.status()).isEqualTo(201);
        assertThat(byLogin.session().getLong("user_id")).isPositive()
                .isEqualTo(byEmail.session().getLong("user_id"));
        assertThat(byLogin.header("QB-Token-ExpirationDate")).isEqualTo(EXPIRES);
        assertThat(client.getSession(byLogin.session().getString("token")).session().getLong("user_id"))
                .isEqualTo(byLogin.session().getLong("user_id"));
    }

    @Test
    void ignores_qb_token_on_create() {
        Reply reply = http.post("/session.json", Http.FORM,
                Signing.jsForm(Signing.signed(client.sessionParams(), Fixtures.AUTH_SECRET)),
                "QB-Token", "87472bad2823c5ff78de174eba1b85d3770775b8");

        assertThat(reply.status()).isEqualTo(201);
    }

    @Test
    void serves_paths_without_the_json_suffix() {
        Reply created = http.post("/session", Http.FORM,
                Signing.jsForm(Signing.signed(client.sessionParams(), Fixtures.AUTH_SECRET)));
        String token = created.session().getString("token");

        assertThat(created.status()).isEqualTo(201);
        assertThat(http.get("/session", "QB-Token", token).status()).isEqualTo(200);
        assertThat(http.delete("/session", "QB-Token", token).status()).isEqualTo(200);
        assertSessionGone(http.get("/session", "QB-Token", token));
    }

    @Test
    void accepts_hmac_sha256_and_uppercase_hex_signatures() {
        Map<String, String> sha256 = Signing.signed(client.sessionParams(), Fixtures.AUTH_SECRET, "HmacSHA256");
        Map<String, String> upper = Signing.signed(client.sessionParams(), Fixtures.AUTH_SECRET);
        upper.put("signature", upper.get("signature").toUpperCase(Locale.ROOT));

        assertThat(sha256.get("signature")).hasSize(64);
        assertThat(http.post("/session.json", Http.FORM, Signing.jsForm(sha256)).status()).isEqualTo(201);
        assertThat(http.post("/session.json", Http.FORM, Signing.jsForm(upper)).status()).isEqualTo(201);
    }

    @Test
    void rejects_timestamps_outside_the_window_in_both_directions() {
        String outside = "{\"errors\":{\"base\":[\"Timestamp is outside the allowed window\"]}}";
        long now = Fixtures.PINNED.getEpochSecond();

        assertJsonReply(createWith("timestamp", Long.toString(now - 3601)), 422, outside);
        assertJsonReply(createWith("timestamp", Long.toString(now + 3601)), 422, outside);
        assertThat(createWith("timestamp", Long.toString(now - 3600)).status()).isEqualTo(201);
        assertThat(createWith("timestamp", Long.toString(now + 3600)).status()).isEqualTo(201);
    }

    @Test
    void rejects_a_replayed_timestamp_and_nonce() {
        String body = Signing.jsForm(Signing.signed(client.sessionParams(), Fixtures.AUTH_SECRET));

        assertThat(http.post("/session.json", Http.FORM, body).status()).isEqualTo(201);
        assertJsonReply(http.post("/session.json", Http.FORM, body), 422,
                "{\"errors\":{\"base\":[\"Nonce has already been used\"]}}");
    }

    @Test
    void requires_numeric_timestamp_and_nonce() {
        assertJsonReply(createWith("timestamp", null), 422, "{\"errors\":{\"timestamp\":[\"can't be blank\"]}}");
        assertJsonReply(createWith("nonce", "abc"), 422,
                "{\"errors\":{\"nonce\":[\"is not a number\"]}}");
    }

    @Test
    void echoes_negative_nonces() {
        Reply reply = createWith("nonce", "-2147483000");

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.session().getLong("nonce")).isEqualTo(-2147483000L);
    }

    @Test
    void earlier_tokens_stay_valid_when_a_new_session_is_created() {
        String first = client.appToken();
        String second = client.appToken();

        assertThat(first).isNotEqualTo(second);
        assertThat(client.getSession(first).status()).isEqualTo(200);
        assertThat(client.getSession(second).status()).isEqualTo(200);
    }

    /** A signed create-session request with one parameter replaced ({@code null} removes it). */
    private Reply createWith(String name, String value) {
        Map<String, String> params = client.sessionParams();
        if (value == null) {
            params.remove(name);
        } else {
            params.put(name, value);
        }
        return client.postSigned(params, Fixtures.AUTH_SECRET);
    }

    private static void assertSessionGone(Reply reply) {
        assertJsonReply(reply, 401, "{\"errors\":{\"base\":[\"Required session does not exist\"]}}");
        assertThat(reply.header("QB-Token-ExpirationDate")).isNull();
    }
}
