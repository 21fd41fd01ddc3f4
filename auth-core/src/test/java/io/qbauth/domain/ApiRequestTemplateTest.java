package io.qbauth.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@code ApiRequest.get(template, variables...)} and its siblings: the path they expand to, the template they keep. */
class ApiRequestTemplateTest {

    @Test
    void a_template_is_expanded_in_order_and_kept() {
        ApiRequest request = ApiRequest.get("/chat/Dialog/{dialog}/messages/{id}.json", "5f3a9c2e", 42);

        assertThat(request.path()).isEqualTo("/chat/Dialog/5f3a9c2e/messages/42.json");
        assertThat(request.uriTemplate()).contains("/chat/Dialog/{dialog}/messages/{id}.json");
        assertThat(request.query("page", "2").header("X-A", "b").jsonBody(new byte[0]).replayable(false)
                .uriTemplate()).as("every with-style copy keeps it").contains(request.uriTemplate().orElseThrow());
    }

    @Test
    void every_verb_has_a_template_form() {
        assertThat(ApiRequest.post("/users/{id}.json", 1).method()).isEqualTo("POST");
        assertThat(ApiRequest.put("/users/{id}.json", 1).method()).isEqualTo("PUT");
        assertThat(ApiRequest.patch("/users/{id}.json", 1).method()).isEqualTo("PATCH");
        assertThat(ApiRequest.delete("/users/{id}.json", 1).uriTemplate()).contains("/users/{id}.json");
    }

    @Test
    void a_variable_is_one_encoded_segment_and_cannot_add_a_path_query_or_fragment() {
        ApiRequest request = ApiRequest.get("/users/by_login/{login}.json", "a/b?c#d e");

        assertThat(request.path()).isEqualTo("/users/by_login/a%2Fb%3Fc%23d%20e.json");
        assertThatThrownBy(() -> ApiRequest.get("/a/{x}/b", ".."))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'..'");
    }

    @Test
    void a_request_built_from_a_path_has_no_template() {
        assertThat(ApiRequest.get("/users/42.json").uriTemplate()).isEmpty();
    }

    @Test
    void variables_must_match_the_placeholders_one_for_one_and_not_be_empty() {
        assertThatThrownBy(() -> ApiRequest.get("/users/{id}/{x}.json", 1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("more placeholders");
        assertThatThrownBy(() -> ApiRequest.get("/users/{id}.json", 1, 2))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("1 placeholders but 2");
        assertThatThrownBy(() -> ApiRequest.get("/users/{id}.json", (Object) null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("null or empty");
        assertThatThrownBy(() -> ApiRequest.get("/users/{id}.json", ""))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("null or empty");
        assertThatThrownBy(() -> ApiRequest.get("/users/{}.json", 1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("placeholders are {name}");
        assertThatThrownBy(() -> ApiRequest.get("/users/{id.json", 1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("placeholders are {name}");
        assertThatThrownBy(() -> ApiRequest.get("/users/id}.json", 1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'}'");
        assertThatThrownBy(() -> ApiRequest.get(null, 1))
                .isInstanceOf(InvalidInputException.class);
    }
}
