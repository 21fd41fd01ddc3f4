package io.qbauth.adapter.metrics.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.spi.TransportRequest;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UriTemplatesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "/session.json, /session.json",
            "/login.json, /login.json",
            "/users.json, /users.json",
            "/users/42.json, /users/{id}.json",
            "/users/42/tokens, /users/{id}/tokens",
            "/users/by_login.json, /users/by_login.json",
            "/chat/Dialog/5f3a9c2e8b1d4e0012ab34cd.json, /chat/Dialog/{id}.json",
            "/blobs/8a1f0e3c-22b4-4d6e-9f10-7c3b5a2d9e41/download, /blobs/{id}/download",
            "/users/, /users",
            "/, /",
            // not a word, a number or an id: a value that may identify someone
            "/users/alice2000.json, UNKNOWN",
            "/users/al%20ice.json, UNKNOWN",
            "/users/dead-beef-1.json, UNKNOWN",
            "//session.json, UNKNOWN",
            "/a/b/c/d/e/f/g, UNKNOWN",
    })
    void paths_become_bounded_templates(String path, String template) {
        assertThat(UriTemplates.template(path)).isEqualTo(template);
    }

    @Test
    void the_query_host_and_fragment_never_appear() {
        String template = new UriTemplates().of(raw(
                "https://user:pw@api.example.com:8443/users/1234.json?login=alice&token=abc#frag"));

        assertThat(template).isEqualTo("/users/{id}.json");
    }

    @Test
    void beyond_the_cap_new_templates_are_unknown_and_known_ones_stay() {
        UriTemplates uris = new UriTemplates();
        uris.of(raw("https://h/session.json"));
        for (int i = 0; uris.of(raw("https://h/" + word(i) + ".json")).equals("/" + word(i) + ".json"); i++) {
            assertThat(i).isLessThan(UriTemplates.MAX_TEMPLATES);
        }

        assertThat(uris.of(raw("https://h/another.json"))).isEqualTo(UriTemplates.UNKNOWN);
        assertThat(uris.of(templated("https://h/users/7.json", "/users/{id}.json")))
                .as("carried templates count towards the same cap").isEqualTo(UriTemplates.UNKNOWN);
        assertThat(uris.of(raw("https://h/session.json"))).isEqualTo("/session.json");
    }

    @Test
    void no_path_is_unknown() {
        assertThat(new UriTemplates().of(raw("https://h"))).isEqualTo(UriTemplates.UNKNOWN);
        assertThat(UriTemplates.template(null)).isEqualTo(UriTemplates.UNKNOWN);
        assertThat(UriTemplates.template("")).isEqualTo(UriTemplates.UNKNOWN);
    }

    @Test
    void a_carried_template_is_used_as_it_is_instead_of_a_guess() {
        assertThat(new UriTemplates().of(templated("https://h/users/alice2000.json", "/users/{login}.json")))
                .isEqualTo("/users/{login}.json");
    }

    private static TransportRequest raw(String uri) {
        return new TransportRequest("GET", URI.create(uri), Map.of(), null, Duration.ofSeconds(1));
    }

    private static TransportRequest templated(String uri, String template) {
        return new TransportRequest("GET", URI.create(uri), Map.of(), null, Duration.ofSeconds(1), template);
    }

    /** A distinct word of letters for each {@code i}. */
    private static String word(int i) {
        StringBuilder word = new StringBuilder("p");
        for (int n = i; n > 0; n /= 26) {
            word.append((char) ('a' + n % 26));
        }
        return word.toString();
    }
}
