package io.qbauth.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DomainValidationTest {

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    @Test
    void a_session_token_is_visible_ascii_of_bounded_length_and_prints_as_stars() {
        assertThat(new SessionToken("abc.DEF-123_x").value()).isEqualTo("abc.DEF-123_x");
        assertThat(new SessionToken("abc").toString()).isEqualTo("SessionToken[***]");
        for (String bad : new String[] {null, "", " ", "a b", "tok\n", "jürgen",
                "x".repeat(SessionToken.MAX_LENGTH + 1)}) {
            assertThatThrownBy(() -> new SessionToken(bad)).isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith("token");
        }
    }

    @Test
    void a_session_hides_its_token_and_its_kind_matches_its_user() {
        Session session = new Session(new SessionToken("secret-token"), SessionKind.USER, 1, 42, 7, NOW,
                NOW.plusSeconds(60), Session.Origin.CREATED);

        assertThat(session.toString()).doesNotContain("secret-token").contains("userId=42");
        assertThat(session.isExpiredAt(NOW.plusSeconds(60))).isTrue();
        assertThat(session.isExpiredAt(NOW)).isFalse();
        assertThatThrownBy(() -> new Session(new SessionToken("t"), SessionKind.USER, 1, 0, 7, NOW, NOW,
                Session.Origin.CREATED)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new Session(new SessionToken("t"), SessionKind.APPLICATION, 1, 5, 7, NOW, NOW,
                Session.Origin.CREATED)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new Session(null, SessionKind.APPLICATION, 1, 0, 7, NOW, NOW,
                Session.Origin.CREATED)).isInstanceOf(InvalidInputException.class).hasMessageStartingWith("token");
    }

    @Test
    void a_new_user_needs_a_login_or_email_and_a_password_and_hides_the_password() {
        NewUser user = NewUser.builder().email("e@x.y").password("pa55-secret").tags("a", "b").externalUserId(9)
                .build();

        assertThat(user.toString()).doesNotContain("pa55-secret");
        assertThat(user.tags()).containsExactly("a", "b");
        assertThatThrownBy(() -> NewUser.builder().password("pw").build())
                .isInstanceOf(InvalidInputException.class).hasMessage("login or email is required");
        assertThatThrownBy(() -> NewUser.builder().login("l").build())
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("password");
        assertThatThrownBy(() -> NewUser.builder().login("l").password("p").tags("a,b").build())
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("tags");
        assertThatThrownBy(() -> NewUser.builder().login("l").password("p").tags((String) null).build())
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("tags");
        assertThatThrownBy(() -> NewUser.builder().login("l").password("p").externalUserId(0).build())
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("externalUserId");
        assertThatThrownBy(() -> NewUser.builder().login("l").password("p").fullName("a\tb").build())
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("fullName");
    }

    @Test
    void an_api_request_path_is_relative_and_clean() {
        assertThat(ApiRequest.get("/users/42.json").path()).isEqualTo("/users/42.json");
        for (String bad : new String[] {null, "", "users.json", "//evil.example/x", "https://evil.example/x",
                "/a b.json", "/a.json?x=1", "/a.json#f", "/../admin.json", "/a/./b.json", "/a\n.json"}) {
            assertThatThrownBy(() -> ApiRequest.get(bad)).isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith("path");
        }
    }

    @Test
    void an_api_request_encodes_its_query_and_form_and_is_immutable() {
        ApiRequest base = ApiRequest.get("/users.json");
        ApiRequest withQuery = base.query("filter[]", "login in a,b").query("page", "2");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("user[full_name]", "Alice Q. Blox");
        form.put("user[tag_list]", "a,b");

        assertThat(base.target()).isEqualTo("/users.json");
        assertThat(withQuery.target()).isEqualTo("/users.json?filter%5B%5D=login%20in%20a%2Cb&page=2");
        assertThat(new String(ApiRequest.post("/users.json").formBody(form).body(), StandardCharsets.UTF_8))
                .isEqualTo("user[full_name]=Alice%20Q.%20Blox&user[tag_list]=a%2Cb");
        assertThat(base.isReplayable()).isTrue();
        assertThat(base.replayable(false).isReplayable()).isFalse();
        assertThat(base.timeout()).isEmpty();
        assertThat(base.timeout(Duration.ofSeconds(3)).timeout()).contains(Duration.ofSeconds(3));
    }

    @Test
    void an_api_request_refuses_reserved_or_malformed_headers_and_hides_header_values() {
        for (String reserved : List.of("QB-Token", "qb-token", "Host", "Content-Length", "Content-Type")) {
            assertThatThrownBy(() -> ApiRequest.get("/a.json").header(reserved, "x"))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining(reserved);
        }
        assertThatThrownBy(() -> ApiRequest.get("/a.json").header("Bad Name", "x"))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("header name");
        assertThatThrownBy(() -> ApiRequest.get("/a.json").header("X-A", "v\r\nInjected: 1"))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("header value");
        assertThatThrownBy(() -> ApiRequest.get("/a.json").timeout(Duration.ZERO))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("timeout");
        assertThatThrownBy(() -> ApiRequest.get("/a.json").jsonBody(null))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("body");

        ApiRequest withKey = ApiRequest.get("/a.json").header("Authorization", "ApiKey top-secret-key");
        assertThat(withKey.toString()).doesNotContain("top-secret-key").contains("Authorization");
        assertThat(withKey.headers()).containsEntry("authorization", List.of("ApiKey top-secret-key"));
    }

    @Test
    void an_api_response_copies_its_body_and_reads_headers_case_insensitively() {
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        ApiResponse response = new ApiResponse(200, Map.of("X-Thing", List.of("1")), body);
        body[0] = 'X';

        assertThat(response.bodyAsString()).isEqualTo("{\"a\":1}");
        assertThat(response.header("x-thing")).contains("1");
        assertThat(response.toString()).doesNotContain("{\"a\":1}");
    }

    @Test
    void a_received_response_takes_the_transports_body_over_and_equals_a_copied_one() {
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        ApiResponse received = ApiResponse.received(200, Map.of("X-Thing", List.of("1")), body);

        assertThat(received).isEqualTo(new ApiResponse(200, Map.of("x-thing", List.of("1")), body))
                .hasSameHashCodeAs(new ApiResponse(200, Map.of("x-thing", List.of("1")), body));
        assertThat(received.body()).isEqualTo(body).isNotSameAs(body); // the reader still gets a copy
        assertThat(received.header("x-thing")).contains("1");
        assertThat(ApiResponse.received(204, Map.of(), null).bodyLength()).isZero();
        assertThat(ApiResponse.received(204, Map.of(), null)).isEqualTo(new ApiResponse(204, Map.of(), new byte[0]));
    }
}
