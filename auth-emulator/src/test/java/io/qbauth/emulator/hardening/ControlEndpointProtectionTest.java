package io.qbauth.emulator.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.emulator.Fault;
import io.qbauth.emulator.QbEmulator;
import io.qbauth.emulator.support.Fixtures;
import io.qbauth.emulator.support.Http;
import io.qbauth.emulator.support.QbClient;
import io.qbauth.emulator.support.RawHttp;
import io.qbauth.emulator.support.Reply;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 16, item 13: the control endpoints accepted JSON sent as {@code text/plain} (a cross-site "simple request"),
 * ignored {@code Host} (DNS rebinding) and were open to the network when bound off loopback.
 */
@Timeout(60)
class ControlEndpointProtectionTest {

    private static final String FAULT = "{\"fault\":\"server_error\"}";

    private final QbEmulator emu = Fixtures.standard(QbEmulator.builder(), Clock.systemUTC())
            .timestampWindow(Duration.ofDays(2))
            .start();
    private final Http http = new Http(emu.baseUrl());

    @AfterEach
    void stop() {
        emu.close();
    }

    @Test
    void state_changing_posts_must_be_json_a_cross_site_simple_request_is_refused_with_415() {
        String token = new QbClient(emu.baseUrl(), Clock.systemUTC()).appToken();
        for (String simpleType : new String[] {"text/plain", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", null}) {
            assertThat(http.post("/_emulator/faults", simpleType, FAULT).status()).as(simpleType).isEqualTo(415);
            assertThat(http.post("/_emulator/clock", simpleType, "{\"advance_ms\":7200000}").status())
                    .as(simpleType).isEqualTo(415);
            assertThat(http.post("/_emulator/restart", simpleType, "").status()).as(simpleType).isEqualTo(415);
        }

        assertThat(emu.faults().active()).as("no fault was added").isEmpty();
        assertThat(http.get("/session.json", "QB-Token", token).status()).as("no restart, no clock jump")
                .isEqualTo(200);
        assertThat(http.post("/_emulator/restart", Http.JSON, "").status()).isEqualTo(200);
        assertThat(http.post("/_emulator/faults", "application/json; charset=utf-8", FAULT).status()).isEqualTo(201);
    }

    @Test
    void a_host_or_origin_that_is_not_loopback_is_refused_with_403_dns_rebinding() {
        String rebound = RawHttp.exchange(emu.port(), "POST /_emulator/faults HTTP/1.1\r\nHost: evil.example:"
                + emu.port() + "\r\nContent-Type: application/json\r\nContent-Length: " + FAULT.length()
                + "\r\nConnection: close\r\n\r\n" + FAULT);
        String crossOrigin = RawHttp.exchange(emu.port(), "GET /_emulator/stats HTTP/1.1\r\nHost: 127.0.0.1:"
                + emu.port() + "\r\nOrigin: http://evil.example\r\nConnection: close\r\n\r\n");
        String noHost = RawHttp.exchange(emu.port(), "GET /_emulator/requests HTTP/1.0\r\n\r\n");

        assertThat(rebound).startsWith("HTTP/1.1 403").contains("Host or Origin not allowed");
        assertThat(crossOrigin).startsWith("HTTP/1.1 403");
        assertThat(noHost).startsWith("HTTP/1.0 403");
        assertThat(emu.faults().active()).isEmpty();
        for (String host : new String[] {"localhost", "127.0.0.1", "127.1.2.3", "[::1]"}) {
            assertThat(RawHttp.exchange(emu.port(), "GET /_emulator/stats HTTP/1.1\r\nHost: " + host + ":"
                    + emu.port() + "\r\nOrigin: http://localhost:3000\r\nConnection: close\r\n\r\n"))
                    .as(host).startsWith("HTTP/1.1 200");
        }
        assertThat(RawHttp.exchange(emu.port(), "GET /session.json HTTP/1.1\r\nHost: api.example\r\n"
                + "Connection: close\r\n\r\n")).as("the QuickBlox API itself answers any Host")
                .startsWith("HTTP/1.1 401");
    }

    @Test
    void bound_off_loopback_the_control_endpoints_need_a_generated_token_and_the_start_warns() {
        List<LogRecord> records = new ArrayList<>();
        Logger logger = Logger.getLogger("io.qbauth.emulator.internal.EmulatorRuntime");
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(capture);
        try (QbEmulator open = Fixtures.standard(QbEmulator.builder(), Clock.systemUTC()).host("0.0.0.0").start()) {
            String token = open.controlToken().orElseThrow();
            Http local = new Http(java.net.URI.create("http://127.0.0.1:" + open.port()));

            assertThat(token).matches("[0-9a-f]{48}");
            assertThat(local.get("/_emulator/stats").status()).isEqualTo(401);
            assertThat(local.get("/_emulator/stats").header("WWW-Authenticate")).isEqualTo("Bearer");
            assertThat(local.post("/_emulator/faults", Http.JSON, FAULT, "Authorization", "Bearer wrong").status())
                    .isEqualTo(401);
            assertThat(local.get("/_emulator/stats", "Authorization", "Bearer " + token).status()).isEqualTo(200);
            assertThat(local.post("/_emulator/faults", Http.JSON, FAULT, "X-Emulator-Token", token).status())
                    .isEqualTo(201);
            open.faults().clear();
            assertThat(local.get("/session.json").status()).as("the API needs no control token").isEqualTo(401);
            assertThat(records).anySatisfy(record -> {
                assertThat(record.getLevel()).isEqualTo(Level.WARNING);
                assertThat(record.getMessage()).contains("not loopback");
            });
            assertThat(records).allSatisfy(record -> assertThat(String.valueOf(record.getMessage())
                    + List.of(record.getParameters() == null ? new Object[0] : record.getParameters()))
                    .doesNotContain(token));
        } finally {
            logger.removeHandler(capture);
        }
    }

    @Test
    void a_configured_token_is_required_on_loopback_too() {
        try (QbEmulator guarded = Fixtures.standard(QbEmulator.builder(), Clock.systemUTC())
                .controlToken("s3cret-control").start()) {
            Http local = new Http(guarded.baseUrl());
            assertThat(local.post("/_emulator/restart", Http.JSON, "").status()).isEqualTo(401);
            Reply restarted = local.post("/_emulator/restart", Http.JSON, "", "Authorization", "bearer s3cret-control");
            assertThat(restarted.status()).isEqualTo(200);
            guarded.faults().set(Fault.serverError());
            assertThat(guarded.controlToken()).contains("s3cret-control");
        }
        assertThat(emu.controlToken()).as("none on loopback by default").isEmpty();
    }
}
