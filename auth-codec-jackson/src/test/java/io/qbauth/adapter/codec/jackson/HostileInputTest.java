package io.qbauth.adapter.codec.jackson;

import static io.qbauth.adapter.codec.jackson.Replies.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qbauth.domain.ProtocolException;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Replies a broken proxy or a hostile server could send: each must fail with a ProtocolException, cheaply. */
class HostileInputTest {

    private final JacksonJsonCodec codec = new JacksonJsonCodec();

    @ParameterizedTest
    @ValueSource(strings = {"", "   \r\n\t", "null", "42", "\"text\"", "true", "[]", "[{\"session\":{}}]",
        "{", "{\"a\":", "{\"a\":1", "{\"a\":1}}", "{\"a\":1} {\"b\":2}", "{\"a\":1} x", "{a:1}", "{'a':1}",
        "{\"a\":01}", "{\"a\":NaN}", "{\"a\":1,}", "{\"a\":1,\"a\":2}", "\uFEFF<?xml version=\"1.0\"?>"})
    void refuses_anything_but_one_json_object(String body) {
        assertThatThrownBy(() -> codec.readObject(bytes(body), 200))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.status()).isEqualTo(200));
    }

    @Test
    void says_what_is_wrong() {
        assertThatThrownBy(() -> codec.readObject(new byte[0], 200)).hasMessageContaining("empty");
        assertThatThrownBy(() -> codec.readObject(bytes("[1]"), 200)).hasMessageContaining("JSON array");
        assertThatThrownBy(() -> codec.readObject(bytes("{\n\"a\": tru}"), 200))
                .hasMessageContaining("malformed JSON at line 2");
    }

    @Test
    void accepts_a_byte_order_mark() {
        assertThat(codec.readObject(bytes("\uFEFF{\"a\":1}"), 200)).containsEntry("a", 1L);
    }

    @Test
    void refuses_invalid_utf8() {
        byte[] body = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};

        assertThatThrownBy(() -> codec.readObject(body, 200)).isInstanceOf(ProtocolException.class);
    }

    @Test
    void refuses_100_000_nested_arrays_without_overflowing_the_stack() {
        String deep = "{\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";

        assertThatThrownBy(() -> codec.readObject(bytes(deep), 200))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("limits")
                .hasMessageContaining("nesting depth");
        assertThatThrownBy(() -> codec.readErrors(bytes(deep), 500)).isInstanceOf(ProtocolException.class);
    }

    @Test
    void accepts_nesting_up_to_the_limit() {
        int depth = JacksonJsonCodec.MAX_NESTING_DEPTH - 1;
        String body = "{\"a\":" + "[".repeat(depth) + "]".repeat(depth) + "}";

        assertThat(codec.readObject(bytes(body), 200)).containsKey("a");
    }

    @Test
    void refuses_an_oversized_string_or_name() {
        String longString = "{\"a\":\"" + "x".repeat(JacksonJsonCodec.MAX_STRING_LENGTH + 1) + "\"}";
        String longName = "{\"" + "n".repeat(JacksonJsonCodec.MAX_NAME_LENGTH + 1) + "\":1}";

        assertThatThrownBy(() -> codec.readObject(bytes(longString), 200)).hasMessageContaining("limits");
        assertThatThrownBy(() -> codec.readObject(bytes(longName), 200)).hasMessageContaining("limits");
    }

    @Test
    void refuses_an_oversized_number() {
        String body = "{\"a\":" + "9".repeat(JacksonJsonCodec.MAX_NUMBER_LENGTH + 1) + "}";

        assertThatThrownBy(() -> codec.readObject(bytes(body), 200)).hasMessageContaining("limits");
    }

    @Test
    void refuses_more_tokens_than_the_limit() {
        StringBuilder body = new StringBuilder("{\"a\":[");
        for (long i = 0; i < JacksonJsonCodec.MAX_TOKENS; i++) {
            body.append("0,");
        }
        body.append("0]}");

        assertThatThrownBy(() -> codec.readObject(bytes(body.toString()), 200)).hasMessageContaining("limits");
    }

    @Test
    void a_flood_of_member_names_is_read_or_refused_only_as_a_protocol_error() {
        StringBuilder body = new StringBuilder("{");
        for (int i = 0; i < 100_000; i++) {
            body.append(i == 0 ? "" : ",").append("\"m").append(Integer.toHexString(i * 31)).append("\":0");
        }
        body.append('}');

        try {
            assertThat(codec.readObject(bytes(body.toString()), 200)).hasSize(100_000);
        } catch (RuntimeException e) {
            assertThat(e).isInstanceOf(ProtocolException.class);
        }
    }

    @Test
    void keeps_numbers_exact() {
        Map<String, Object> tree = codec.readObject(
                bytes("{\"l\":9223372036854775807,\"big\":92233720368547758080,\"d\":1.5,\"huge\":1e400}"), 200);

        assertThat(tree).containsEntry("l", Long.MAX_VALUE).containsEntry("d", 1.5)
                .containsEntry("big", new BigDecimal("92233720368547758080"))
                .containsEntry("huge", new BigDecimal("1e400"));
    }

    @Test
    void refuses_a_number_with_an_absurd_exponent() {
        assertThatThrownBy(() -> codec.readObject(bytes("{\"a\":1e999999999}"), 200))
                .hasMessageContaining("out of range");
    }
}
