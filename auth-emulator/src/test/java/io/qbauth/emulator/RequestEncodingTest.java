package io.qbauth.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.emulator.junit.QbEmulatorExtension;
import io.qbauth.emulator.support.Fixtures;
import io.qbauth.emulator.support.Http;
import io.qbauth.emulator.support.MutableClock;
import io.qbauth.emulator.support.QbClient;
import io.qbauth.emulator.support.Reply;
import io.qbauth.emulator.support.Signing;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bodies as the real clients send them: form with literal or percent-encoded brackets, {@code %20} or {@code +}
 * spaces, JSON with string or number scalars, and query parameters merged under the body.
 */
class RequestEncodingTest {

    private static final MutableClock CLOCK = new MutableClock(Fixtures.PINNED);
    private static final String BOB_EMAIL = "bob+qb@example.com";
    private static final String BOB_PASSWORD = "p@ss w0rd&=%";

    @RegisterExtension
    static final QbEmulatorExtension EMULATOR = Fixtures.standard(QbEmulatorExtension.builder(), CLOCK)
            .user(Fixtures.APP_ID, "bob_qb", BOB_PASSWORD, BOB_EMAIL, null)
            .build();

    private QbClient client;
    private Http http;

    @BeforeEach
    void setUp(QbEmulator emulator) {
        client = new QbClient(emulator.baseUrl(), CLOCK);
        http = client.http();
    }

    @Test
    void form_with_literal_brackets_and_percent20_spaces() {
        String body = Signing.jsForm(bobParams());

        assertThat(body).contains("user[password]=p%40ss%20w0rd%26%3D%25");
        assertUserSession(http.post("/session.json", Http.FORM, body));
    }

    @Test
    void form_with_percent_encoded_brackets_and_plus_spaces() {
        String body = Signing.phpForm(bobParams());

        assertThat(body).contains("user%5Bpassword%5D=p%40ss+w0rd%26%3D%25");
        assertUserSession(http.post("/session.json", Http.FORM, body));
    }

    @Test
    void json_with_nested_objects() {
        assertUserSession(http.post("/session.json", Http.JSON, Signing.json(bobParams())));
    }

    @Test
    void json_with_numbers_for_ids_nonce_and_timestamp() {
        Map<String, String> params = bobParams();
        String json = Signing.json(params)
                .replace("\"application_id\":\"12345\"", "\"application_id\":12345")
                .replace("\"nonce\":\"" + params.get("nonce") + "\"", "\"nonce\":" + params.get("nonce"))
                .replace("\"timestamp\":\"1700000000\"", "\"timestamp\":1.7E9");

        assertThat(json).contains("\"application_id\":12345").contains("\"timestamp\":1.7E9");
        assertUserSession(http.post("/session.json", Http.JSON, json));
    }

    @Test
    void json_without_content_type_is_recognised() {
        assertUserSession(http.post("/session.json", null, Signing.json(bobParams())));
    }

    @Test
    void query_parameters_merge_with_the_body_and_the_body_wins() {
        Map<String, String> params = bobParams();
        String query = params.entrySet().stream()
                .filter(entry -> !entry.getKey().startsWith("user"))
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining("&"));
        String body = "user[email]=" + encode(BOB_EMAIL) + "&user[password]=" + encode(BOB_PASSWORD);

        assertUserSession(http.post("/session.json?" + query + "&user[email]=someone%40else.example", Http.FORM,
                body));
    }

    @Test
    void non_ascii_credentials_are_utf8() {
        String token = client.appToken();
        client.signUpUser(token, encode("jürgen_ü"), encode("пароль123"));

        Reply reply = client.createSession("user[login]", "jürgen_ü", "user[password]", "пароль123");

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    }

    private Map<String, String> bobParams() {
        return Signing.signed(client.sessionParams("user[email]", BOB_EMAIL, "user[password]", BOB_PASSWORD),
                Fixtures.AUTH_SECRET);
    }

    private static void assertUserSession(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(reply.session().getLong("user_id")).isPositive();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
