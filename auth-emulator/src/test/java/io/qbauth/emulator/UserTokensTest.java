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

/** POST /users/{id}/tokens with an API key mints user session tokens. */
class UserTokensTest {

    private static final MutableClock CLOCK = new MutableClock(Fixtures.PINNED);
    private static final String API_KEY = "ApiKey " + Fixtures.API_KEY;

    @RegisterExtension
    static final QbEmulatorExtension EMULATOR = Fixtures.standard(QbEmulatorExtension.builder(), CLOCK).build();

    private QbClient client;
    private Http http;
    private long alice;

    @BeforeEach
    void setUp(QbEmulator emulator) {
        client = new QbClient(emulator.baseUrl(), CLOCK);
        http = client.http();
        alice = client.createSession("user[login]", Fixtures.ALICE_LOGIN, "user[password]", Fixtures.ALICE_PASSWORD)
                .session().getLong("user_id");
    }

    @Test
    void mints_a_user_session_token(QbEmulator emulator) {
        long before = emulator.stats(Fixtures.APP_ID).sessionsCreatedByMethod().get("api_key");

        Reply reply = http.post("/users/" + alice + "/tokens", null, null, "Authorization", API_KEY);

        assertThat(reply.status()).isEqualTo(201);
        assertStandardHeaders(reply);
        assertThat(reply.body()).matches("\\{\"token\":\"[0-9a-f]{40}\",\"expires_at\":\"2023-11-15T00:13:20Z\"}");
        Reply session = client.getSession(reply.json().getString("token"));
        assertThat(session.status()).isEqualTo(200);
        assertThat(session.session().getLong("user_id")).isEqualTo(alice);
        assertThat(emulator.stats(Fixtures.APP_ID).sessionsCreatedByMethod().get("api_key")).isEqualTo(before + 1);
        assertThat(emulator.stats(Fixtures.APP_ID).sessionsCreatedByKind().get("user")).isPositive();
    }

    @Test
    void serves_the_json_suffix_too() {
        assertThat(http.post("/users/" + alice + "/tokens.json", Http.JSON, "{}", "Authorization", API_KEY)
                .status()).isEqualTo(201);
    }

    @Test
    void unknown_user_is404() {
        assertJsonReply(http.post("/users/424242/tokens", null, null, "Authorization", API_KEY), 404,
                "{\"errors\":{\"base\":[\"User not found\"]}}");
        assertJsonReply(http.post("/users/abc/tokens", null, null, "Authorization", API_KEY), 404,
                "{\"errors\":[\"Not Found\"]}");
    }

    @Test
    void needs_the_api_key_and_ignores_qb_token() {
        String invalid = "{\"errors\":{\"base\":[\"Invalid API key\"]}}";
        String appToken = client.appToken();

        assertJsonReply(http.post("/users/" + alice + "/tokens", null, null), 401, invalid);
        assertJsonReply(http.post("/users/" + alice + "/tokens", null, null, "QB-Token", appToken), 401, invalid);
        assertJsonReply(http.post("/users/" + alice + "/tokens", null, null, "Authorization", "ApiKey nope"), 401,
                invalid);
        assertJsonReply(http.post("/users/" + alice + "/tokens", null, null, "Authorization", "Bearer x"), 401,
                invalid);
        assertThat(http.post("/users/" + alice + "/tokens", null, null, "Authorization", API_KEY,
                "QB-Token", "garbage").status()).isEqualTo(201);
    }
}
