package io.qbauth.emulator.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** High-level protocol calls for tests, signing with the shared fixture application. */
public final class QbClient {

    private static final AtomicLong NONCES = new AtomicLong(100_000);

    private final Http http;
    private final Clock clock;

    public QbClient(URI base, Clock clock) {
        this.http = new Http(base);
        this.clock = clock;
    }

    public Http http() {
        return http;
    }

    /** Unsigned create-session parameters with a fresh nonce and the clock's timestamp, plus name/value pairs. */
    public Map<String, String> sessionParams(String... extra) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("application_id", Long.toString(Fixtures.APP_ID));
        params.put("auth_key", Fixtures.AUTH_KEY);
        params.put("nonce", Long.toString(NONCES.incrementAndGet()));
        params.put("timestamp", Long.toString(clock.instant().getEpochSecond()));
        for (int i = 0; i < extra.length; i += 2) {
            params.put(extra[i], extra[i + 1]);
        }
        return params;
    }

    /** POST /session.json with signed, JS-style form parameters. */
    public Reply createSession(String... extra) {
        return postSigned(sessionParams(extra), Fixtures.AUTH_SECRET);
    }

    /** POST /session.json with {@code params} signed by {@code secret}, as the JS SDK encodes a form. */
    public Reply postSigned(Map<String, String> params, String secret) {
        return http.post("/session.json", Http.FORM, Signing.jsForm(Signing.signed(params, secret)));
    }

    public String appToken() {
        return token(createSession());
    }

    public String userToken(String login, String password) {
        return token(createSession("user[login]", login, "user[password]", password));
    }

    public Reply getSession(String token) {
        return http.get("/session.json", "QB-Token", token);
    }

    public Reply deleteSession(String token) {
        return http.delete("/session.json", "QB-Token", token);
    }

    public Reply login(String token, String formBody) {
        return http.post("/login.json", Http.FORM, formBody, "QB-Token", token);
    }

    public Reply logout(String token) {
        return http.delete("/login.json", "QB-Token", token);
    }

    public Reply signUp(String token, String formBody) {
        return http.post("/users.json", Http.FORM, formBody, "QB-Token", token);
    }

    /** Signs up a user with a fresh login and returns its id. */
    public long signUpUser(String token, String login, String password) {
        Reply reply = signUp(token, "user[login]=" + login + "&user[password]=" + password);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.user().getLong("id");
    }

    private static String token(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.session().getString("token");
    }
}
