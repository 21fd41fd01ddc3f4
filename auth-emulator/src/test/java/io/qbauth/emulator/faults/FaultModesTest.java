package io.qbauth.emulator.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qbauth.emulator.EmulatorApp;
import io.qbauth.emulator.Fault;
import io.qbauth.emulator.FaultRule;
import io.qbauth.emulator.QbEmulator;
import io.qbauth.emulator.junit.QbEmulatorExtension;
import io.qbauth.emulator.support.Fixtures;
import io.qbauth.emulator.support.Http;
import io.qbauth.emulator.support.QbClient;
import io.qbauth.emulator.support.Reply;
import io.qbauth.emulator.support.Signing;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every fault mode as a client sees it on the wire, its scope (method, path, count, application) and its precedence. */
@Timeout(60)
class FaultModesTest {

    private static final long OTHER_APP = 777L;
    private static final String OTHER_KEY = "other-auth-key";
    private static final String OTHER_SECRET = "other-auth-secret";
    private static final Duration QUIET = Duration.ofMillis(1_500);
    private static final AtomicLong LOGINS = new AtomicLong();

    @RegisterExtension
    static final QbEmulatorExtension EMULATOR = Fixtures.standard(QbEmulatorExtension.builder(), Clock.systemUTC())
            .app(EmulatorApp.of(OTHER_APP, OTHER_KEY, OTHER_SECRET))
            .build();

    private QbEmulator emu;
    private QbClient client;
    private Http http;

    @BeforeEach
    void setUp(QbEmulator emulator) {
        emu = emulator;
        emu.faults().clear();
        client = new QbClient(emu.baseUrl(), Clock.systemUTC());
        http = client.http();
    }

    @AfterEach
    void clearFaults() {
        emu.faults().clear();
    }

    @Test
    void latency_delays_the_reply_of_a_handled_request() {
        String token = client.appToken();
        emu.faults().set(Fault.latency(Duration.ofMillis(400)).on("GET", "/session.json"));

        long start = System.nanoTime();
        Reply reply = client.getSession(token);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.session().getString("token")).isEqualTo(token);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void server_error_refuses_the_request_before_it_has_any_effect() {
        long created = emu.stats(Fixtures.APP_ID).sessionsCreated();
        FaultRule rule = emu.faults().set(Fault.serverError().on("POST", "/session.json"));

        Reply reply = client.createSession();

        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.body()).isEqualTo("{\"errors\":[\"Internal Server Error\"]}");
        assertThat(reply.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(emu.stats(Fixtures.APP_ID).sessionsCreated()).isEqualTo(created);
        assertThat(rule.strikes()).isEqualTo(1);
    }

    @Test
    void unavailable_is_a_503_with_retry_after_in_whole_seconds() {
        emu.faults().set(Fault.unavailable(Duration.ofMillis(2_500)));

        Reply reply = client.createSession();

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.body()).isEqualTo("{\"errors\":[\"Service Unavailable\"]}");
        assertThat(reply.header("Retry-After")).isEqualTo("3");
    }

    @Test
    void rate_limited_is_quickbloxs_429_with_retry_after() {
        emu.faults().set(Fault.rateLimited(Duration.ofSeconds(7)));

        Reply reply = client.createSession();

        assertThat(reply.status()).isEqualTo(429);
        assertThat(reply.body()).isEqualTo("{\"errors\":[\"Too Many Requests\"]}");
        assertThat(reply.header("Retry-After")).isEqualTo("7");
    }

    @Test
    void html_error_page_is_a_proxys_502() {
        emu.faults().set(Fault.htmlErrorPage());

        Reply reply = client.createSession();

        assertThat(reply.status()).isEqualTo(502);
        assertThat(reply.header("Content-Type")).isEqualTo("text/html");
        assertThat(reply.body()).startsWith("<html>").contains("502 Bad Gateway");
    }

    @Test
    void custom_reply_is_sent_as_given() {
        emu.faults().set(Fault.reply(418, Map.of("Content-Type", "text/plain", "X-Teapot", "yes"), "short and stout"));

        Reply reply = client.createSession();

        assertThat(reply.status()).isEqualTo(418);
        assertThat(reply.header("Content-Type")).isEqualTo("text/plain");
        assertThat(reply.header("X-Teapot")).isEqualTo("yes");
        assertThat(reply.body()).isEqualTo("short and stout");
    }

    @Test
    void connection_reset_cuts_the_reply_after_the_endpoint_did_its_work() {
        String token = client.appToken();
        long signups = emu.stats(Fixtures.APP_ID).signupsCreated();
        FaultRule rule = emu.faults().set(Fault.connectionReset().on("POST", "/users.json").times(1));
        String body = "user[login]=reset_" + LOGINS.incrementAndGet() + "&user[password]=Passw0rd-reset";

        WireReply reply = WireReply.exchange(emu.port(), "POST /users.json HTTP/1.1\r\nHost: x\r\nQB-Token: " + token
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length()
                + "\r\n\r\n" + body, QUIET);

        assertThat(reply.closedByServer()).as(reply.text()).isTrue();
        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.body().length()).as("fewer bytes than announced")
                .isLessThan(Integer.parseInt(reply.header("Content-Length")));
        assertThat(emu.stats(Fixtures.APP_ID).signupsCreated()).as("the user was created").isEqualTo(signups + 1);
        assertThat(rule.strikes()).isEqualTo(1);
        assertThat(rule.isActive()).isFalse();
    }

    @Test
    void connection_reset_of_an_empty_reply_closes_without_a_byte() {
        String token = client.appToken();
        emu.faults().set(Fault.connectionReset().on("DELETE", "/session.json"));

        WireReply reply = WireReply.exchange(emu.port(),
                "DELETE /session.json HTTP/1.1\r\nHost: x\r\nQB-Token: " + token + "\r\n\r\n", QUIET);

        assertThat(reply.closedByServer()).isTrue();
        assertThat(reply.text()).isEmpty();
    }

    @Test
    void truncated_json_is_well_framed_but_cut_in_half() {
        emu.faults().set(Fault.truncatedJson());

        Reply reply = client.createSession();

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.header("Content-Length")).isEqualTo(Integer.toString(reply.body().length()));
        assertThat(reply.body()).startsWith("{\"session\":{");
        assertThatThrownBy(() -> new JsonObject(reply.body())).isInstanceOf(DecodeException.class);
    }

    @Test
    void invalid_json_keeps_the_status_and_replaces_the_body() {
        emu.faults().set(Fault.invalidJson());

        Reply reply = client.createSession();

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThatThrownBy(() -> new JsonObject(reply.body())).isInstanceOf(DecodeException.class);
    }

    @Test
    void never_ends_sends_the_head_and_a_chunk_then_stalls() {
        String token = client.appToken();
        emu.faults().set(Fault.neverEnds().on("GET", "/session.json"));

        WireReply reply = WireReply.exchange(emu.port(),
                "GET /session.json HTTP/1.1\r\nHost: x\r\nQB-Token: " + token + "\r\n\r\n", QUIET);

        assertThat(reply.wentQuiet()).as(reply.text()).isTrue();
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Transfer-Encoding")).isEqualTo("chunked");
        assertThat(reply.body()).contains("{\"session\"").doesNotContain("\r\n0\r\n\r\n");
    }

    @Test
    void times_limits_a_fault_to_the_next_matching_requests() {
        FaultRule rule = emu.faults().set(Fault.serverError().on("POST", "/session.json").times(2));

        assertThat(client.createSession().status()).isEqualTo(500);
        assertThat(client.createSession().status()).isEqualTo(500);
        assertThat(client.createSession().status()).isEqualTo(201);

        assertThat(rule.strikes()).isEqualTo(2);
        assertThat(rule.remaining()).hasValue(0);
        assertThat(emu.faults().active()).isEmpty();
    }

    @Test
    void method_and_path_limit_the_scope() {
        String token = client.appToken();
        FaultRule rule = emu.faults().set(Fault.serverError().on("POST", "/users.json"));

        assertThat(client.getSession(token).status()).isEqualTo(200);
        assertThat(http.get("/users.json", "QB-Token", token).status()).as("GET is another method").isEqualTo(405);
        assertThat(client.signUp(token, "user[login]=scoped&user[password]=Passw0rd-x").status()).isEqualTo(500);
        assertThat(http.post("/users", Http.FORM, "user[login]=scoped&user[password]=Passw0rd-x", "QB-Token", token)
                .status()).as("with or without .json").isEqualTo(500);

        assertThat(rule.strikes()).isEqualTo(2);
    }

    @Test
    void a_trailing_star_matches_any_rest_of_the_path() {
        String token = client.appToken();
        emu.faults().set(Fault.serverError().on(null, "/users/*"));

        assertThat(http.get("/users/1.json", "QB-Token", token).status()).isEqualTo(500);
        assertThat(client.getSession(token).status()).isEqualTo(200);
    }

    @Test
    void an_application_fault_strikes_only_that_applications_requests() {
        String otherToken = otherAppToken();
        FaultRule rule = emu.faults().set(OTHER_APP, Fault.rateLimited(Duration.ofSeconds(1)));

        assertThat(otherAppSession().status()).as("create session, by application_id").isEqualTo(429);
        assertThat(client.getSession(otherToken).status()).as("by token").isEqualTo(429);
        assertThat(client.createSession().status()).as("another application").isEqualTo(201);
        assertThat(rule.strikes()).isEqualTo(2);
        assertThat(emu.stats(OTHER_APP).requests()).as("refused requests still count").isGreaterThanOrEqualTo(2);
    }

    @Test
    void a_global_fault_wins_over_an_application_fault_and_the_newest_rule_wins() {
        emu.faults().set(Fixtures.APP_ID, Fault.rateLimited(Duration.ofSeconds(1)));
        emu.faults().set(Fault.serverError());
        FaultRule newest = emu.faults().set(Fault.unavailable(Duration.ofSeconds(1)).times(1));

        assertThat(client.createSession().status()).isEqualTo(503);
        assertThat(client.createSession().status()).isEqualTo(500);
        assertThat(newest.isActive()).isFalse();
    }

    @Test
    void the_emulators_own_endpoints_are_never_faulted() {
        emu.faults().set(Fault.serverError());
        emu.faults().set(Fault.neverEnds());

        assertThat(http.get("/_emulator/stats").status()).isEqualTo(200);
        assertThat(http.get("/_emulator/faults").status()).isEqualTo(200);
        assertThat(http.delete("/_emulator/faults").status()).isEqualTo(200);
        assertThat(client.createSession().status()).isEqualTo(201);
    }

    @Test
    void unknown_applications_are_refused() {
        assertThatThrownBy(() -> emu.faults().set(999L, Fault.serverError()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void removing_and_clearing_switch_faults_off() {
        FaultRule rule = emu.faults().set(Fault.serverError());
        emu.faults().set(OTHER_APP, Fault.serverError());
        rule.remove();
        assertThat(client.createSession().status()).isEqualTo(201);
        assertThat(otherAppSession().status()).isEqualTo(500);

        emu.faults().clear(OTHER_APP);

        assertThat(otherAppSession().status()).isEqualTo(201);
        assertThat(emu.faults().active()).isEmpty();
    }

    private Reply otherAppSession() {
        Map<String, String> params = client.sessionParams();
        params.put("application_id", Long.toString(OTHER_APP));
        params.put("auth_key", OTHER_KEY);
        return http.post("/session.json", Http.FORM, Signing.jsForm(Signing.signed(params, OTHER_SECRET)));
    }

    private String otherAppToken() {
        Reply reply = otherAppSession();
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.session().getString("token");
    }
}
