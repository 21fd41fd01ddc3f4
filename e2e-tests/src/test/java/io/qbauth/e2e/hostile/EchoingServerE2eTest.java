package io.qbauth.e2e.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.domain.AuthException;
import io.qbauth.domain.Credentials;
import io.qbauth.domain.NewUser;
import io.qbauth.e2e.support.TransportTest;
import io.qbauth.e2e.support.TransportUnderTest;
import io.qbauth.e2e.support.Within;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.junit.jupiter.api.Timeout;

/**
 * A server (or a proxy in front of it) that echoes the request it received into its error reply: the SDK's exception
 * (message, details, every cause, its stack trace text) must not carry any credential of the call — password,
 * signature, auth key and secret, session token — whether the echo comes in a QuickBlox error envelope (a 422 with
 * field errors, a 401) or as plain text the codec quotes.
 */
@Timeout(60)
class EchoingServerE2eTest {

    private static final String PASSWORD = "ECHOEDPW-x7Rq2!";
    private static final String AUTH_SECRET = "hostile-auth-secret";
    private static final String AUTH_KEY = "hostile-auth-key";

    /** The form fields each request carried, by request line: what a leak would show. */
    private final Map<String, Map<String, String>> received = new ConcurrentHashMap<>();

    @TransportTest
    void a_422_envelope_that_echoes_the_sign_up_form_leaks_no_credential(TransportUnderTest transport)
            throws IOException {
        try (HostileServer server = new HostileServer(echo(body -> Replies.with(422, "application/json",
                ("{\"errors\":{\"base\":[\"" + body + "\"],\"password\":[\"" + body + "\"]}}")
                        .getBytes(StandardCharsets.UTF_8))));
             HostileSdk sdk = HostileSdk.start(transport, server)) {
            AuthException failure = Within.failure(sdk.client().createUserSession(
                    Credentials.login("echo_user", PASSWORD)));

            assertThat(failure.status()).isEqualTo(422);
            assertNoCredential(failure);
            assertThat(failure.getMessage()).as("the echo is still readable, minus the secrets")
                    .contains("echo_user").contains("[redacted]");
        }
    }

    @TransportTest
    void a_401_envelope_that_echoes_the_login_form_leaks_no_credential(TransportUnderTest transport)
            throws IOException {
        try (HostileServer server = new HostileServer(echo(body -> Replies.with(401, "application/json",
                ("{\"errors\":[\"Unauthorized: " + body + "\"]}").getBytes(StandardCharsets.UTF_8))));
             HostileSdk sdk = HostileSdk.start(transport, server)) {
            AuthException failure = Within.failure(sdk.client().createUserSession(
                    Credentials.email("echo@example.com", PASSWORD)));

            assertThat(failure.status()).as("%s", failure).isEqualTo(401);
            assertNoCredential(failure);
        }
    }

    @TransportTest
    void a_plain_text_reply_that_echoes_the_fields_leaks_no_credential(TransportUnderTest transport)
            throws IOException {
        // a debugging proxy's text page listing what it got, password first: within what a codec may quote
        try (HostileServer server = new HostileServer((requestLine, out) -> {
            Map<String, String> form = fields(new String(out.requestBody(), StandardCharsets.UTF_8));
            received.put(requestLine, form);
            out.write(Replies.with(201, "text/plain", ("password=" + form.get("password") + " login="
                    + form.get("login")).getBytes(StandardCharsets.UTF_8)));
        });
             HostileSdk sdk = HostileSdk.startWithApiKey(transport, server, "APIKEY-echo-9Fz")) {
            AuthException failure = Within.failure(sdk.client().signUpWithApiKey(
                    NewUser.builder().login("echo_new").password(PASSWORD).build()));

            assertNoCredential(failure);
        }
    }

    @TransportTest
    void an_echo_of_a_json_sign_up_with_the_api_key_leaks_no_credential(TransportUnderTest transport)
            throws IOException {
        try (HostileServer server = new HostileServer(echo(body -> Replies.with(422, "application/json",
                ("{\"errors\":{\"login\":[" + quoted(body) + "]}}").getBytes(StandardCharsets.UTF_8))));
             HostileSdk sdk = HostileSdk.startWithApiKey(transport, server, "APIKEY-echo-9Fz")) {
            AuthException failure = Within.failure(sdk.client().signUpWithApiKey(
                    NewUser.builder().login("echo_new").password(PASSWORD).build()));

            assertThat(failure.status()).isEqualTo(422);
            assertNoCredential(failure);
            assertThat(render(failure)).doesNotContain("APIKEY-echo-9Fz");
        }
    }

    private HostileServer.Replier echo(Function<String, byte[]> reply) {
        return (requestLine, out) -> {
            String body = new String(out.requestBody(), StandardCharsets.UTF_8);
            received.put(requestLine, fields(body));
            out.write(reply.apply(body.replace("\\", "\\\\").replace("\"", "\\\"")));
        };
    }

    private void assertNoCredential(AuthException failure) {
        String text = render(failure);
        List<String> secrets = new ArrayList<>(List.of(PASSWORD, AUTH_SECRET, AUTH_KEY));
        received.values().forEach(form -> form.forEach((name, value) -> {
            if (name.contains("password") || name.contains("signature") || name.contains("auth_key")
                    || name.contains("token")) {
                secrets.add(value);
            }
        }));
        assertThat(received).as("the server saw the request").isNotEmpty();
        for (String secret : secrets) {
            assertThat(text).as("the exception text").doesNotContain(secret)
                    .doesNotContain(java.net.URLEncoder.encode(secret, StandardCharsets.UTF_8));
        }
    }

    /** Message, details and the whole cause chain as a developer would see them in a log. */
    private static String render(Throwable failure) {
        StringWriter out = new StringWriter();
        failure.printStackTrace(new PrintWriter(out));
        StringBuilder all = new StringBuilder(out.toString());
        if (failure instanceof AuthException auth) {
            all.append(auth.details()).append(auth.messages()).append(auth.fieldErrors());
        }
        return all.toString();
    }

    private static Map<String, String> fields(String body) {
        Map<String, String> fields = new ConcurrentHashMap<>();
        if (body.startsWith("{")) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"(\\w+)\"\\s*:\\s*\"([^\"]*)\"")
                    .matcher(body);
            while (m.find()) {
                fields.put(m.group(1), m.group(2));
            }
            return fields;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    private static String passwordFirst(String form) {
        List<String> pairs = new ArrayList<>(List.of(form.split("&")));
        pairs.sort(java.util.Comparator.comparing(pair -> !pair.contains("password")));
        return String.join("&", pairs);
    }

    private static String quoted(String alreadyEscaped) {
        return "\"" + alreadyEscaped + "\"";
    }
}
