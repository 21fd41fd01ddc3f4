package io.qbauth.emulator;

import static io.qbauth.emulator.support.ReplyAssertions.assertJsonReply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qbauth.emulator.support.Fixtures;
import io.qbauth.emulator.support.Http;
import io.qbauth.emulator.support.MutableClock;
import io.qbauth.emulator.support.QbClient;
import io.qbauth.emulator.support.Reply;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * QuickBlox-style plan limits (issue 13): requests per second and session creations per window, per application,
 * over real HTTP. The emulator's clock is a fixed {@link MutableClock}, so every request of a test falls in one limit
 * window until the test moves the clock: nothing here depends on timing.
 */
@Timeout(60)
class PlanLimitsTest {

    /** The body QuickBlox's 429 carries (see README, "Plan limits"). */
    private static final String TOO_MANY_REQUESTS = "{\"errors\":[\"Too Many Requests\"]}";
    private static final String API_KEY = "ApiKey " + Fixtures.API_KEY;
    private static final long OTHER_APP_ID = 777L;
    private static final String OTHER_API_KEY = "ApiKey other-api-key";

    private final MutableClock clock = new MutableClock(Fixtures.PINNED);

    @Test
    void limits_are_off_by_default() {
        try (QbEmulator emu = Fixtures.standard(QbEmulator.builder(), clock).start()) {
            QbClient client = new QbClient(emu.baseUrl(), clock);
            String token = client.appToken();
            for (int i = 0; i < 300; i++) {
                assertThat(client.getSession(token).status()).isEqualTo(200);
            }
            for (int i = 0; i < 20; i++) {
                assertThat(client.createSession().status()).isEqualTo(201);
            }

            assertThat(emu.planLimits()).isEqualTo(PlanLimits.none());
            assertThat(emu.planLimits().isUnlimited()).isTrue();
            EmulatorStats stats = emu.stats(Fixtures.APP_ID);
            assertThat(stats.requestsRateLimited()).isZero();
            assertThat(stats.sessionCreationsRateLimited()).isZero();
            assertThat(client.http().get("/_emulator/limits").body())
                    .isEqualTo("{\"requests_per_second\":0,\"session_creations\":0,"
                            + "\"session_creation_window_seconds\":1}");
        }
    }

    @Test
    void over_the_requests_per_second_limit_a_request_is_429_with_retry_after_and_the_quickblox_body() {
        try (QbEmulator emu = Fixtures.standard(QbEmulator.builder(), clock)
                .planLimits(PlanLimits.none().withRequestsPerSecond(3)).start()) {
            QbClient client = new QbClient(emu.baseUrl(), clock);
            String token = client.appToken();                          // request 1
            assertThat(client.getSession(token).status()).isEqualTo(200);  // 2
            assertThat(client.getSession(token).status()).isEqualTo(200);  // 3

            Reply refused = client.getSession(token);

            assertJsonReply(refused, 429, TOO_MANY_REQUESTS);
            assertThat(refused.header("Retry-After")).isEqualTo("1");
            assertJsonReply(client.deleteSession(token), 429, TOO_MANY_REQUESTS);   // routed calls too
            assertJsonReply(client.createSession(), 429, TOO_MANY_REQUESTS);
            assertJsonReply(client.http().get("/users/1.json", "Authorization", API_KEY), 429, TOO_MANY_REQUESTS);
            EmulatorStats stats = emu.stats(Fixtures.APP_ID);
            assertThat(stats.requestsRateLimited()).isEqualTo(4);
            assertThat(stats.requests()).isEqualTo(7);
            assertThat(stats.sessionsCreated()).isEqualTo(1);
            assertThat(client.http().get("/_emulator/metrics").body())
                    .contains("qbemulator_rate_limited_total{application_id=\"12345\",limit=\"requests\"} 4")
                    .contains("qbemulator_rate_limited_total{application_id=\"12345\",limit=\"session_creations\"} 0")
                    .contains("qbemulator_http_responses_total{code=\"429\"} 4");
            assertThat(client.http().get("/_emulator/stats").json().getJsonObject("apps").getJsonObject("12345")
                    .getLong("requests_rate_limited")).isEqualTo(4);
        }
    }

    @Test
    void the_next_second_opens_a_new_window() {
        try (QbEmulator emu = Fixtures.standard(QbEmulator.builder(), clock)
                .planLimits(PlanLimits.none().withRequestsPerSecond(2)).start()) {
            QbClient client = new QbClient(emu.baseUrl(), clock);
            String token = client.appToken();
            assertThat(client.getSession(token).status()).isEqualTo(200);
            assertThat(client.getSession(token).status()).isEqualTo(429);

            clock.advance(Duration.ofMillis(999));
            assertThat(client.getSession(token).status()).as("still the same second").isEqualTo(429);
            clock.advance(Duration.ofMillis(1));
            assertThat(client.getSession(token).status()).isEqualTo(200);
            assertThat(client.getSession(token).status()).isEqualTo(200);
            assertThat(client.getSession(token).status()).isEqualTo(429);

            emu.jumpClock(Duration.ofSeconds(1));                       // the emulator's own clock jump counts too
            assertThat(client.getSession(token).status()).isEqualTo(200);
        }
    }

    @Test
    void each_application_has_its_own_windows() {
        try (QbEmulator emu = Fixtures.standard(QbEmulator.builder(), clock)
                .app(EmulatorApp.of(OTHER_APP_ID, "otherKey", "otherSecret").withApiKey("other-api-key"))
                .planLimits(PlanLimits.none().withRequestsPerSecond(2)).start()) {
            Http http = new Http(emu.baseUrl());
            assertThat(http.get("/users/1.json", "Authorization", API_KEY).status()).isEqualTo(200);
            assertThat(http.get("/users/1.json", "Authorization", API_KEY).status()).isEqualTo(200);
            assertThat(http.get("/users/1.json", "Authorization", API_KEY).status()).isEqualTo(429);

            assertThat(http.get("/users/1.json", "Authorization", OTHER_API_KEY).status())
                    .as("the other application is not held back").isEqualTo(404);
            assertThat(http.get("/users/1.json", "Authorization", OTHER_API_KEY).status()).isEqualTo(404);
            assertThat(http.get("/users/1.json", "Authorization", OTHER_API_KEY).status()).isEqualTo(429);
            assertThat(emu.stats(Fixtures.APP_ID).requestsRateLimited()).isEqualTo(1);
            assertThat(emu.stats(OTHER_APP_ID).requestsRateLimited()).isEqualTo(1);
        }
    }

    @Test
    void over_the_session_creation_limit_creations_are_429_until_the_minute_ends() {
        try (QbEmulator emu = Fixtures.standard(QbEmulator.builder(), clock).timestampWindow(Duration.ofDays(1))
                .planLimits(PlanLimits.none().withSessionCreationsPerMinute(2)).start()) {
            QbClient client = new QbClient(emu.baseUrl(), clock);
            String token = client.appToken();
            long alice = client.createSession("user[login]", Fixtures.ALICE_LOGIN, "user[password]",
                    Fixtures.ALICE_PASSWORD).session().getLong("user_id");

            Reply refused = client.createSession();
            Reply minted = client.http().post("/users/" + alice + "/tokens", null, null, "Authorization", API_KEY);

            assertJsonReply(refused, 429, TOO_MANY_REQUESTS);
            // the pinned clock is 20 s into its minute: 40 s to the next window
            assertThat(refused.header("Retry-After")).isEqualTo("40");
            assertJsonReply(minted, 429, TOO_MANY_REQUESTS);
            assertThat(client.getSession(token).status()).as("other calls are not creations").isEqualTo(200);
            assertThat(emu.stats(Fixtures.APP_ID).sessionCreationsRateLimited()).isEqualTo(2);
            assertThat(emu.stats(Fixtures.APP_ID).requestsRateLimited()).isZero();

            clock.advance(Duration.ofSeconds(39));
            assertThat(client.createSession().status()).isEqualTo(429);
            clock.advance(Duration.ofSeconds(1));
            assertThat(client.createSession().status()).isEqualTo(201);
        }
    }

    @Test
    void a_request_that_cannot_be_attributed_to_an_application_is_answered_as_without_limits() {
        try (QbEmulator emu = Fixtures.standard(QbEmulator.builder(), clock)
                .planLimits(PlanLimits.none().withRequestsPerSecond(1).withSessionCreationsPerSecond(1)).start()) {
            QbClient client = new QbClient(emu.baseUrl(), clock);
            client.appToken();
            assertThat(client.createSession().status()).isEqualTo(429);

            assertThat(client.getSession("f".repeat(40)).status()).as("unknown token").isEqualTo(401);
            assertThat(client.http().get("/session.json").status()).as("no token").isEqualTo(401);
            assertThat(client.http().get("/users/1.json", "Authorization", "ApiKey nope").status()).isEqualTo(401);
            assertThat(client.postSigned(client.sessionParams("application_id", "999"), Fixtures.AUTH_SECRET)
                    .status()).as("unknown application").isEqualTo(422);
            assertThat(client.http().get("/account_settings.json", "QB-Account-Key",
                    QbEmulator.AbstractBuilder.DEFAULT_ACCOUNT_KEY).status()).as("account level").isEqualTo(200);
            assertThat(client.http().get("/_emulator/stats").status()).as("control").isEqualTo(200);
        }
    }

    @Test
    void bad_limits_are_refused_with_an_illegal_argument() {
        assertThatThrownBy(() -> PlanLimits.none().withRequestsPerSecond(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("requests per second");
        assertThatThrownBy(() -> PlanLimits.none().withSessionCreationsPerMinute(PlanLimits.MAX_LIMIT + 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("session creations");
        assertThatThrownBy(() -> PlanLimits.none().withSessionCreations(5, Duration.ofMillis(1500)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whole seconds");
        assertThatThrownBy(() -> PlanLimits.none().withSessionCreations(5, Duration.ofHours(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 h");
        assertThatThrownBy(() -> new PlanLimits(1, 1, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> QbEmulator.builder().planLimits(null)).isInstanceOf(NullPointerException.class);
        assertThat(PlanLimits.none().withRequestsPerSecond(80).withSessionCreationsPerMinute(100))
                .isEqualTo(new PlanLimits(80, 100, Duration.ofMinutes(1)));
    }

    @Test
    void the_control_endpoint_shows_and_changes_the_limits_at_runtime() {
        try (QbEmulator emu = Fixtures.standard(QbEmulator.builder(), clock).start()) {
            QbClient client = new QbClient(emu.baseUrl(), clock);
            Http http = client.http();
            String token = client.appToken();

            Reply put = http.put("/_emulator/limits", Http.JSON,
                    "{\"requests_per_second\":1,\"session_creations\":5,\"session_creation_window_seconds\":60}");

            assertThat(put.status()).as(put.body()).isEqualTo(200);
            assertThat(new JsonObject(put.body()).getInteger("requests_per_second")).isEqualTo(1);
            assertThat(emu.planLimits()).isEqualTo(new PlanLimits(1, 5, Duration.ofMinutes(1)));
            assertThat(http.get("/_emulator/limits.json").body()).isEqualTo(put.body());
            assertThat(client.getSession(token).status()).isEqualTo(200);
            assertThat(client.getSession(token).status()).isEqualTo(429);

            assertThat(http.put("/_emulator/limits", Http.JSON, "{}").status()).isEqualTo(200);
            assertThat(emu.planLimits()).isEqualTo(PlanLimits.none());
            assertThat(client.getSession(token).status()).isEqualTo(200);

            emu.planLimits(PlanLimits.none().withRequestsPerSecond(1));   // the same from Java
            assertThat(client.getSession(token).status()).isEqualTo(200);
            assertThat(client.getSession(token).status()).isEqualTo(429);
        }
    }

    @Test
    void the_control_endpoint_refuses_bad_limits_and_is_guarded() {
        try (QbEmulator emu = Fixtures.standard(QbEmulator.builder(), clock).start()) {
            Http http = new Http(emu.baseUrl());

            assertJsonReply(http.put("/_emulator/limits", Http.JSON, "{\"requests_per_sec\":1}"), 400,
                    "{\"errors\":{\"base\":[\"Unknown member requests_per_sec\"]}}");
            assertThat(http.put("/_emulator/limits", Http.JSON, "{\"requests_per_second\":-1}").body())
                    .contains("requests per second must be from 0 (no limit) to 1000000, got -1");
            assertThat(http.put("/_emulator/limits", Http.JSON, "{\"requests_per_second\":\"10\"}").body())
                    .contains("requests_per_second must be a whole number");
            assertThat(http.put("/_emulator/limits", Http.JSON, "{\"session_creation_window_seconds\":0}").status())
                    .isEqualTo(400);
            assertThat(http.put("/_emulator/limits", Http.JSON, "[1]").status()).isEqualTo(400);
            assertThat(http.put("/_emulator/limits", "text/plain", "{\"requests_per_second\":1}").status())
                    .as("a cross-site simple request cannot change the limits").isEqualTo(415);
            assertThat(http.get("/_emulator/limits", "Origin", "http://evil.example").status()).isEqualTo(403);
            assertThat(http.send("DELETE", "/_emulator/limits", null, null).status()).isEqualTo(405);
            assertThat(emu.planLimits()).isEqualTo(PlanLimits.none());
        }
    }
}
