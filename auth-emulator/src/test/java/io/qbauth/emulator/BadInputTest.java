package io.qbauth.emulator;

import static io.qbauth.emulator.support.ReplyAssertions.assertClientError;
import static io.qbauth.emulator.support.ReplyAssertions.assertJsonReply;
import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.emulator.junit.QbEmulatorExtension;
import io.qbauth.emulator.support.Fixtures;
import io.qbauth.emulator.support.Http;
import io.qbauth.emulator.support.MutableClock;
import io.qbauth.emulator.support.QbClient;
import io.qbauth.emulator.support.RawHttp;
import io.qbauth.emulator.support.Reply;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every malformed request gets a QuickBlox-shaped 4xx JSON reply: never a 5xx, a stack trace or a hang. */
class BadInputTest {

    private static final MutableClock CLOCK = new MutableClock(Fixtures.PINNED);
    private static final int BODY_LIMIT = 4 * 1024;

    @RegisterExtension
    static final QbEmulatorExtension EMULATOR = Fixtures.standard(QbEmulatorExtension.builder(), CLOCK)
            .maxBodyBytes(BODY_LIMIT)
            .maxHeaderBytes(8 * 1024)
            .build();

    private QbClient client;
    private Http http;
    private int port;

    @BeforeEach
    void setUp(QbEmulator emulator) {
        client = new QbClient(emulator.baseUrl(), CLOCK);
        http = client.http();
        port = emulator.port();
    }

    @Test
    void malformed_percent_encoding_is400() {
        assertJsonReply(http.post("/session.json", Http.FORM, "application_id=%zz&nonce=1"), 400,
                "{\"errors\":{\"base\":[\"Malformed percent-encoding\"]}}");
        assertThat(RawHttp.exchange(port, "POST /session.json?application_id=%4 HTTP/1.1\r\nHost: x\r\n"
                + "Content-Length: 0\r\nConnection: close\r\n\r\n"))
                .startsWith("HTTP/1.1 400").endsWith("{\"errors\":{\"base\":[\"Malformed percent-encoding\"]}}");
    }

    @Test
    void malformed_json_is400() {
        assertJsonReply(http.post("/session.json", Http.JSON, "{\"application_id\":"), 400,
                "{\"errors\":{\"base\":[\"Malformed JSON body\"]}}");
        assertJsonReply(http.post("/session.json", Http.JSON, "[1,2]"), 400,
                "{\"errors\":{\"base\":[\"JSON body must be an object\"]}}");
        assertJsonReply(http.post("/session.json", Http.JSON, "{\"user\":{\"login\":{\"deep\":1}}}"), 400,
                "{\"errors\":{\"base\":[\"Nesting deeper than one level is not supported\"]}}");
        assertJsonReply(http.post("/session.json", Http.JSON, "{} {}"), 400,
                "{\"errors\":{\"base\":[\"Unexpected content after the JSON object\"]}}");
    }

    @Test
    void duplicated_parameters_are400() {
        String duplicate = "{\"errors\":{\"base\":[\"Duplicate parameter application_id\"]}}";
        assertJsonReply(http.post("/session.json", Http.FORM, "application_id=1&application_id=2"), 400, duplicate);
        assertJsonReply(http.post("/session.json", Http.JSON, "{\"application_id\":1,\"application_id\":2}"), 400,
                duplicate);
        assertJsonReply(http.post("/session.json", Http.FORM, "user[login]=a&user%5Blogin%5D=b"), 400,
                "{\"errors\":{\"base\":[\"Duplicate parameter user[login]\"]}}");
    }

    @Test
    void unsupported_parameter_names_are400() {
        assertJsonReply(http.post("/session.json", Http.FORM, "user[a][b]=1"), 400,
                "{\"errors\":{\"base\":[\"Unsupported parameter name user[a][b]: use name or outer[inner]\"]}}");
        assertClientError(http.post("/session.json", Http.FORM, "tags[]=1"), 400);
    }

    @Test
    void invalid_utf8_is400() {
        byte[] form = "application_id=12345&user[login]=".getBytes(StandardCharsets.US_ASCII);
        byte[] invalid = new byte[form.length + 2];
        System.arraycopy(form, 0, invalid, 0, form.length);
        invalid[form.length] = (byte) 0xC3;
        invalid[form.length + 1] = (byte) 0x28;

        assertJsonReply(http.sendBytes("POST", "/session.json", Http.FORM, invalid), 400,
                "{\"errors\":{\"base\":[\"Request is not valid UTF-8\"]}}");
        assertJsonReply(http.post("/session.json", Http.FORM, "user[login]=%C3%28"), 400,
                "{\"errors\":{\"base\":[\"Request is not valid UTF-8\"]}}");
        byte[] json = {'{', '"', 'a', '"', ':', '"', (byte) 0xFF, '"', '}'};
        assertJsonReply(http.sendBytes("POST", "/session.json", Http.JSON, json), 400,
                "{\"errors\":{\"base\":[\"Malformed JSON body\"]}}");
    }

    @Test
    void oversize_bodies_are413() {
        String huge = "application_id=" + "1".repeat(BODY_LIMIT + 1);

        assertJsonReply(http.post("/session.json", Http.FORM, huge), 413, "{\"errors\":[\"Request Entity Too Large\"]}");
        assertJsonReply(http.post("/users.json", Http.JSON, "{\"a\":\"" + "x".repeat(BODY_LIMIT) + "\"}",
                "QB-Token", client.appToken()), 413, "{\"errors\":[\"Request Entity Too Large\"]}");
    }

    @Test
    void chunked_oversize_bodies_are413_too() {
        String chunk = "x".repeat(BODY_LIMIT + 10);
        String raw = "POST /session.json HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n0\r\n\r\n";

        String response = RawHttp.exchange(port, raw);

        assertThat(response).startsWith("HTTP/1.1 413").endsWith("{\"errors\":[\"Request Entity Too Large\"]}");
    }

    @Test
    void unknown_paths_are404() {
        String notFound = "{\"errors\":[\"Not Found\"]}";
        assertJsonReply(http.get("/"), 404, notFound);
        assertJsonReply(http.get("/chat/Dialog.json"), 404, notFound);
        assertJsonReply(http.post("/users/1/avatar", Http.FORM, "a=b"), 404, notFound);
        assertJsonReply(http.get("/session.json.json"), 404, notFound);
    }

    @Test
    void wrong_methods_are405_with_allow() {
        Reply put = http.put("/session.json", Http.FORM, "a=b");
        Reply get = http.get("/login.json");

        assertJsonReply(put, 405, "{\"errors\":[\"Method Not Allowed\"]}");
        assertThat(put.header("Allow")).isEqualTo("GET, POST, DELETE");
        assertJsonReply(get, 405, "{\"errors\":[\"Method Not Allowed\"]}");
        assertThat(get.header("Allow")).isEqualTo("POST, DELETE");
        assertJsonReply(http.send("PATCH", "/users/1.json", Http.FORM, "a=b"), 405,
                "{\"errors\":[\"Method Not Allowed\"]}");
    }

    @Test
    void non_numeric_or_out_of_range_ids_are404() {
        String token = client.appToken();
        for (String id : List.of("abc", "-1", "0", "1.5", "99999999999999999999999", "%00")) {
            assertJsonReply(http.get("/users/" + id + ".json", "QB-Token", token), 404, "{\"errors\":[\"Not Found\"]}");
        }
    }

    @Test
    void unsupported_content_type_is415() {
        assertJsonReply(http.post("/session.json", "text/plain", "application_id=12345"), 415,
                "{\"errors\":[\"Unsupported Media Type\"]}");
    }

    @Test
    void missing_parameters_are_quick_blox_errors() {
        assertJsonReply(http.post("/session.json", Http.FORM, ""), 422,
                "{\"errors\":{\"base\":[\"No application found\"]}}");
        assertJsonReply(http.post("/session.json", Http.JSON, "{}"), 422,
                "{\"errors\":{\"base\":[\"No application found\"]}}");
        assertJsonReply(http.post("/users.json", Http.FORM, "", "QB-Token", client.appToken()), 422,
                "{\"errors\":{\"password\":[\"can't be blank\"],\"base\":[\"Login or email required\"]}}");
    }

    @Test
    void huge_headers_are431_and_the_connection_closes() {
        String raw = "GET /session.json HTTP/1.1\r\nHost: localhost\r\nQB-Token: " + "a".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n";

        String response = RawHttp.exchange(port, raw);

        assertThat(response).startsWith("HTTP/1.1 431")
                .contains("content-type: application/json; charset=utf-8")
                .endsWith("{\"errors\":[\"Request Header Fields Too Large\"]}");
    }

    @Test
    void overlong_request_lines_are414_and_garbage_is400() {
        assertThat(RawHttp.exchange(port, "GET /" + "x".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n"))
                .matches("(?s)HTTP/1\\.[01] 414 .*").endsWith("{\"errors\":[\"Request-URI Too Long\"]}");
        assertThat(RawHttp.exchange(port, "GARBAGE\r\n\r\n"))
                .matches("(?s)HTTP/1\\.[01] 400 .*").endsWith("{\"errors\":[\"Bad Request\"]}");
    }

    @Test
    void malformed_authorization_falls_back_to_the_token() {
        assertJsonReply(http.post("/users.json", Http.FORM, "user[login]=a", "Authorization", "ApiKey"), 401,
                "{\"errors\":[\"Token is required\"]}");
    }

    @Test
    void random_bodies_on_every_endpoint_never_give_a5xx() {
        Random random = new Random(20_231_114L);
        String token = client.appToken();
        List<String[]> endpoints = List.of(new String[] {"POST", "/session.json"},
                new String[] {"POST", "/login.json"}, new String[] {"POST", "/users.json"},
                new String[] {"PUT", "/users/1.json"}, new String[] {"POST", "/users/1/tokens"});
        List<String> contentTypes = List.of(Http.FORM, Http.JSON, "text/plain", "multipart/form-data; boundary=x");
        for (int i = 0; i < 120; i++) {
            String[] endpoint = endpoints.get(i % endpoints.size());
            byte[] body = new byte[random.nextInt(200)];
            random.nextBytes(body);
            if (i % 3 == 0) {
                body = randomFormish(random).getBytes(StandardCharsets.UTF_8);
            }
            Reply reply = http.sendBytes(endpoint[0], endpoint[1], contentTypes.get(random.nextInt(4)), body,
                    "QB-Token", token);

            assertThat(reply.status()).as("%s %s -> %s", endpoint[0], endpoint[1], reply).isBetween(400, 499);
            assertThat(reply.json().containsKey("errors")).isTrue();
        }
    }

    private static String randomFormish(Random random) {
        String alphabet = "ab[]%=&+{}\":,5Z";
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(60); i > 0; i--) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
