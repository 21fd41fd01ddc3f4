package io.qbauth.emulator.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qbauth.emulator.Fault;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@link Fault} value: validation, scope matching, and a {@code toString} that shows no reply body. */
class FaultTest {

    @Test
    void scope_matches_method_any_case_and_path_with_or_without_json() {
        Fault fault = Fault.serverError().on("post", "/users.json");

        assertThat(fault.method()).hasValue("POST");
        assertThat(fault.matches("POST", "/users.json")).isTrue();
        assertThat(fault.matches("POST", "/users")).isTrue();
        assertThat(fault.matches("GET", "/users.json")).isFalse();
        assertThat(fault.matches("POST", "/users/1.json")).isFalse();
        assertThat(Fault.serverError().on(null, "/users/*").matches("PUT", "/users/1.json")).isTrue();
        assertThat(Fault.serverError().matches("BREW", "/anything")).isTrue();
    }

    @Test
    void invalid_arguments_are_refused() {
        assertThatThrownBy(() -> Fault.latency(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.rateLimited(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.serverError().times(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.serverError().on("GET", "users")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.reply(600, Map.of(), "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.reply(200, Map.of("X", "a\r\nInjected: 1"), ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.Kind.ofWireName("gremlins")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void each_kind_says_whether_it_refuses_the_request() {
        assertThat(Fault.Kind.values()).filteredOn(Fault.Kind::refusesRequest).containsExactly(
                Fault.Kind.SERVER_ERROR, Fault.Kind.UNAVAILABLE, Fault.Kind.RATE_LIMITED, Fault.Kind.HTML_ERROR_PAGE,
                Fault.Kind.CUSTOM_REPLY);
        for (Fault.Kind kind : Fault.Kind.values()) {
            assertThat(Fault.Kind.ofWireName(kind.wireName())).isEqualTo(kind);
        }
    }

    @Test
    void equal_by_value_and_described_without_the_body() {
        Fault custom = Fault.reply(200, Map.of("Content-Type", "text/plain"), "a-secret-looking-body");

        assertThat(Fault.latency(Duration.ofMillis(5)).times(2)).isEqualTo(Fault.latency(Duration.ofMillis(5)).times(2))
                .isNotEqualTo(Fault.latency(Duration.ofMillis(5)));
        assertThat(custom.toString()).contains("custom_reply 200", "21 chars").doesNotContain("secret");
        assertThat(Fault.rateLimited(Duration.ofSeconds(3)).on("GET", "/session.json").times(1))
                .hasToString("Fault[rate_limited, retryAfter=3s, on GET /session.json, times=1]");
    }
}
