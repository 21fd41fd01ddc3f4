package io.qbauth.emulator.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.emulator.Fault;
import io.qbauth.emulator.FaultRule;
import io.qbauth.emulator.QbEmulator;
import io.qbauth.emulator.junit.QbEmulatorExtension;
import io.qbauth.emulator.support.Fixtures;
import io.qbauth.emulator.support.Http;
import io.qbauth.emulator.support.QbClient;
import io.qbauth.emulator.support.Reply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /_emulator/faults} over HTTP: add, list, count strikes, clear; and the errors of a bad specification. */
@Timeout(60)
class FaultControlEndpointsTest {

    @RegisterExtension
    static final QbEmulatorExtension EMULATOR = Fixtures.standard(QbEmulatorExtension.builder(), Clock.systemUTC())
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
    void a_fault_posted_as_json_strikes_and_is_listed_with_its_strikes() {
        Reply added = http.post("/_emulator/faults", Http.JSON,
                "{\"fault\":\"rate_limited\",\"retry_after_seconds\":4,\"method\":\"post\",\"path\":\"/session.json\","
                        + "\"times\":2,\"application_id\":12345}");

        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.json().getString("fault")).isEqualTo("rate_limited");
        assertThat(added.json().getString("method")).isEqualTo("POST");
        assertThat(added.json().getLong("remaining")).isEqualTo(2);
        Reply throttled = client.createSession();
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isEqualTo("4");

        JsonArray listed = http.get("/_emulator/faults").json().getJsonArray("faults");
        assertThat(listed).hasSize(1);
        JsonObject rule = listed.getJsonObject(0);
        assertThat(rule.getLong("application_id")).isEqualTo(Fixtures.APP_ID);
        assertThat(rule.getLong("strikes")).isEqualTo(1);
        assertThat(rule.getLong("remaining")).isEqualTo(1);
        assertThat(emu.faults().active()).extracting(FaultRule::fault)
                .containsExactly(Fault.rateLimited(Duration.ofSeconds(4)).on("POST", "/session.json").times(2));
    }

    @Test
    void every_kind_can_be_posted() {
        String[] specs = {
            "{\"fault\":\"latency\",\"latency_ms\":10}",
            "{\"fault\":\"server_error\"}",
            "{\"fault\":\"unavailable\",\"retry_after_seconds\":1}",
            "{\"fault\":\"rate_limited\"}",
            "{\"fault\":\"html_error_page\"}",
            "{\"fault\":\"custom_reply\",\"status\":200,\"headers\":{\"Content-Type\":\"text/plain\"},\"body\":\"x\"}",
            "{\"fault\":\"connection_reset\"}",
            "{\"fault\":\"truncated_json\"}",
            "{\"fault\":\"invalid_json\"}",
            "{\"fault\":\"never_ends\"}",
        };
        for (String spec : specs) {
            assertThat(http.post("/_emulator/faults", Http.JSON, spec).status()).as(spec).isEqualTo(201);
        }
        assertThat(emu.faults().active()).extracting(rule -> rule.fault().kind())
                .containsExactly(Fault.Kind.values());
    }

    @Test
    void delete_clears_all_faults_or_one_applications() {
        emu.faults().set(Fault.serverError().on("GET", "/nowhere"));
        emu.faults().set(Fixtures.APP_ID, Fault.serverError().on("GET", "/nowhere"));

        assertThat(http.delete("/_emulator/faults?application_id=12345").status()).isEqualTo(200);
        assertThat(emu.faults().active()).hasSize(1);
        assertThat(emu.faults().active().get(0).applicationId()).isEmpty();

        assertThat(http.delete("/_emulator/faults").status()).isEqualTo(200);
        assertThat(emu.faults().active()).isEmpty();
    }

    @Test
    void a_bad_specification_is_a_400_naming_the_problem() {
        assertError(http.post("/_emulator/faults", Http.JSON, "{\"fault\":"), 400, "Malformed JSON body");
        assertError(http.post("/_emulator/faults", Http.JSON, "{}"), 400, "fault is required");
        assertError(http.post("/_emulator/faults", Http.JSON, "{\"fault\":\"gremlins\"}"), 400, "unknown fault");
        assertError(http.post("/_emulator/faults", Http.JSON, "{\"fault\":\"latency\"}"), 400, "latency_ms");
        assertError(http.post("/_emulator/faults", Http.JSON, "{\"fault\":\"server_error\",\"times\":0}"), 400,
                "times");
        assertError(http.post("/_emulator/faults", Http.JSON, "{\"fault\":\"server_error\",\"path\":\"users\"}"),
                400, "path");
        assertError(http.post("/_emulator/faults", Http.JSON, "{\"fault\":\"server_error\",\"colour\":\"red\"}"),
                400, "Unknown member colour");
        assertError(http.post("/_emulator/faults", Http.JSON, "{\"fault\":\"server_error\",\"times\":\"x\"}"), 400,
                "wrong type");
        assertError(http.post("/_emulator/faults", Http.JSON, "{\"fault\":\"custom_reply\",\"status\":42}"), 400,
                "status");
        assertError(http.post("/_emulator/faults", Http.JSON, "{\"fault\":\"server_error\",\"application_id\":9}"),
                422, "No application found");
        assertThat(emu.faults().active()).isEmpty();
    }

    private static void assertError(Reply reply, int status, String message) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.body()).contains(message);
    }
}
