package io.qbauth.emulator.internal.params;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormDecoderTest {

    @Test
    void decodes_raw_and_percent_encoded_brackets_and_both_space_forms() {
        assertThat(decode("user[login]=a%20b&keys%5Btoken%5D=c+d&x=%2B%26%3D").asMap())
                .isEqualTo(Map.of("user[login]", "a b", "keys[token]", "c d", "x", "+&="));
    }

    @Test
    void tolerates_empty_segments_and_valueless_keys() {
        assertThat(decode("&a=1&&b&c=&").asMap()).isEqualTo(Map.of("a", "1", "b", "", "c", ""));
        assertThat(decode("").asMap()).isEmpty();
    }

    @Test
    void decodes_utf8() {
        assertThat(decode("login=j%C3%BCrgen_%C3%BC").get("login")).isEqualTo("jürgen_ü");
        assertThat(FormDecoder.decode("login=jürgen".getBytes(StandardCharsets.UTF_8)).get("login"))
                .isEqualTo("jürgen");
    }

    @Test
    void rejects_broken_escapes_invalid_utf8_duplicates_and_deep_names() {
        assertThatThrownBy(() -> decode("a=%zz")).isInstanceOf(MalformedRequestException.class)
                .hasMessage("Malformed percent-encoding");
        assertThatThrownBy(() -> decode("a=%4")).hasMessage("Malformed percent-encoding");
        assertThatThrownBy(() -> decode("a=%FF")).hasMessage("Request is not valid UTF-8");
        assertThatThrownBy(() -> decode("a=1&a=2")).hasMessage("Duplicate parameter a");
        assertThatThrownBy(() -> decode("a[b][c]=1")).hasMessageStartingWith("Unsupported parameter name a[b][c]");
        assertThatThrownBy(() -> decode("=1")).hasMessageStartingWith("Unsupported parameter name");
        assertThatThrownBy(() -> decode("a[]=1")).hasMessageStartingWith("Unsupported parameter name");
        assertThatThrownBy(() -> decode("x".repeat(100) + "]=1")).hasMessageContaining("...");
    }

    @Test
    void never_echoes_values_in_errors() {
        assertThatThrownBy(() -> decode("password=s3cr3t&password=other")).hasMessageNotContaining("s3cr3t");
    }

    @Test
    void merge_lets_the_body_win() {
        RequestParams merged = RequestParams.merge(decode("a=query&b=query"), decode("a=body"));

        assertThat(merged.asMap()).isEqualTo(Map.of("a", "body", "b", "query"));
        assertThat(merged.toString()).doesNotContain("body").contains("a");
    }

    private static RequestParams decode(String form) {
        return FormDecoder.decode(form.getBytes(StandardCharsets.ISO_8859_1));
    }
}
