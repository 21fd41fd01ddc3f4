package io.qbauth.emulator.internal.params;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonParamsDecoderTest {

    @Test
    void flattens_one_level_and_stringifies_scalars() {
        RequestParams params = decode("{\"application_id\":76730,\"nonce\":-5,\"timestamp\":1.7E9,\"ratio\":1.50,"
                + "\"flag\":true,\"user\":{\"login\":\"a\",\"age\":null,\"tag_list\":[\"x\",2,null]},\"gone\":null}");

        assertThat(params.asMap()).isEqualTo(Map.of("application_id", "76730", "nonce", "-5",
                "timestamp", "1700000000", "ratio", "1.5", "flag", "true", "user[login]", "a",
                "user[tag_list]", "x,2"));
    }

    @Test
    void handles_big_integers_and_unicode() {
        assertThat(decode("{\"n\":123456789012345678901234567890,\"s\":\"jürgen \\u00fc\"}").asMap())
                .isEqualTo(Map.of("n", "123456789012345678901234567890", "s", "jürgen ü"));
    }

    @Test
    void rejects_what_quick_blox_cannot_have() {
        assertThatThrownBy(() -> decode("[]")).hasMessage("JSON body must be an object");
        assertThatThrownBy(() -> decode("\"text\"")).hasMessage("JSON body must be an object");
        assertThatThrownBy(() -> decode("{\"a\":{\"b\":{\"c\":1}}}"))
                .hasMessage("Nesting deeper than one level is not supported");
        assertThatThrownBy(() -> decode("{\"a\":[[1]]}")).hasMessage("Nesting deeper than one level is not supported");
        assertThatThrownBy(() -> decode("{\"a\":[{\"b\":1}]}"))
                .hasMessage("Nesting deeper than one level is not supported");
        assertThatThrownBy(() -> decode("{\"a\":1,\"a\":2}")).hasMessage("Duplicate parameter a");
        assertThatThrownBy(() -> decode("{\"user[login]\":\"x\",\"user\":{\"login\":\"y\"}}"))
                .hasMessage("Duplicate parameter user[login]");
        assertThatThrownBy(() -> decode("{\"a\":1")).hasMessage("Malformed JSON body");
        assertThatThrownBy(() -> decode("{\"a\":1}x")).isInstanceOf(MalformedRequestException.class);
        assertThatThrownBy(() -> decode("{}{}")).hasMessage("Unexpected content after the JSON object");
        assertThatThrownBy(() -> decode("")).hasMessage("Malformed JSON body");
        assertThatThrownBy(() -> decode("{\"n\":1e999999}")).hasMessage("Number out of range");
        assertThatThrownBy(() -> decode("{\"n\":" + "9".repeat(5000) + "}")).hasMessage("Malformed JSON body");
    }

    private static RequestParams decode(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return JsonParamsDecoder.decode(bytes, 0, bytes.length);
    }
}
