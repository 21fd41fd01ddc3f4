package io.qbauth.loadtest.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonFieldsTest {

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsAFieldOfTheEnvelopeSkippingNestedValues() {
        byte[] body = json("{\"other\":{\"token\":\"no\"},\"session\":{\"_id\":\"x\",\"nested\":{\"token\":\"no\"},"
                + "\"token\":\"abc\",\"user_id\":42}}");

        assertThat(JsonFields.read(body, "session", "token")).isEqualTo("abc");
        assertThat(JsonFields.read(body, "session", "user_id")).isEqualTo("42");
    }

    @Test
    void saysWhichFieldIsMissing() {
        assertThatThrownBy(() -> JsonFields.read(json("{\"user\":{\"login\":\"a\"}}"), "user", "id"))
                .hasMessageContaining("user.id");
    }
}
