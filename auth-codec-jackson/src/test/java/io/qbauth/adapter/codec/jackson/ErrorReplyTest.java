package io.qbauth.adapter.codec.jackson;

import static io.qbauth.adapter.codec.jackson.Replies.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qbauth.domain.ErrorDetails;
import io.qbauth.domain.ProtocolException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ErrorReplyTest {

    private final JacksonJsonCodec codec = new JacksonJsonCodec();

    @Test
    void reads_the_array_form() {
        ErrorDetails details = codec.readErrors(bytes(Replies.UNAUTHORIZED), 401);

        assertThat(details.messages()).containsExactly("Unauthorized");
        assertThat(details.fieldErrors()).isEmpty();
    }

    @Test
    void reads_base_of_the_object_form_as_messages() {
        ErrorDetails details = codec.readErrors(bytes(Replies.SESSION_GONE), 401);

        assertThat(details.messages()).containsExactly("Required session does not exist");
        assertThat(details.fieldErrors()).isEmpty();
    }

    @Test
    void keeps_both_messages_of_the_password_example_in_order() {
        ErrorDetails details = codec.readErrors(bytes(Replies.PASSWORD_422), 422);

        assertThat(details.messages()).isEmpty();
        assertThat(details.fieldErrors()).containsExactly(Map.entry("password", List.of(
                "should contain alphanumeric and punctuation characters only",
                "is too short (minimum is 8 characters)")));
    }

    @Test
    void reads_several_fields_in_reply_order() {
        ErrorDetails details = codec.readErrors(bytes(Replies.LOGIN_AND_PASSWORD_422), 422);

        assertThat(details.fieldErrors().keySet()).containsExactly("login", "password");
        assertThat(details.fieldErrors().get("login")).containsExactly("has already been taken");
    }

    @Test
    void accepts_single_strings_where_arrays_are_expected() {
        assertThat(codec.readErrors(bytes("{\"errors\":\"Too Many Requests\"}"), 429).messages())
                .containsExactly("Too Many Requests");
        ErrorDetails details = codec.readErrors(
                bytes("{\"errors\":{\"base\":\"Forbidden. Need user.\",\"x\":1}}"), 403);
        assertThat(details.messages()).containsExactly("Forbidden. Need user.");
        assertThat(details.fieldErrors()).containsEntry("x", List.of("1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"errors\":null}", "{\"errors\":[]}", "{\"errors\":[{\"a\":1}]}",
        "{\"errors\":{\"base\":[[\"nested\"]]}}"})
    void refuses_error_replies_of_another_shape(String body) {
        assertThatThrownBy(() -> codec.readErrors(bytes(body), 400))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.status()).isEqualTo(400));
    }

    @Test
    void quotes_a_short_sanitized_prefix_of_an_html_error_page() {
        String page = "<html>\r\n<head><title>502 Bad Gateway</title></head>\"\u0007" + "x".repeat(500);

        assertThatThrownBy(() -> codec.readErrors(bytes(page), 502))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("not a JSON object: \"<html>??<head><title>502 Bad Gateway")
                .hasMessageContaining("...")
                .hasMessageNotContaining("\r")
                .hasMessageNotContaining("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")
                .hasMessageContaining("502");
    }
}
