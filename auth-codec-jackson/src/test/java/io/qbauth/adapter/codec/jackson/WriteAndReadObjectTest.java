package io.qbauth.adapter.codec.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qbauth.domain.InvalidInputException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WriteAndReadObjectTest {

    private final JacksonJsonCodec codec = new JacksonJsonCodec();

    @Test
    void round_trips_a_tree() {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("login", "jürgen_ü \"q\"");
        user.put("password", "p@ss w0rd&=%");
        user.put("external_user_id", 99L);
        user.put("tags", List.of("a", "b"));
        user.put("blob_id", null);
        user.put("ratio", 0.25);
        user.put("big", new BigDecimal("12345678901234567890.5"));
        user.put("flag", true);
        Map<String, Object> tree = Map.of("user", user);

        byte[] json = codec.write(tree);

        assertThat(codec.readObject(json, 200)).isEqualTo(tree);
    }

    @Test
    void writes_compact_utf8_json_in_map_order() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("login", "alice_qb");
        tree.put("n", 1);
        tree.put("list", Arrays.asList(1.5f, null, (short) 2, (byte) 3));

        assertThat(new String(codec.write(tree), StandardCharsets.UTF_8))
                .isEqualTo("{\"login\":\"alice_qb\",\"n\":1,\"list\":[1.5,null,2,3]}");
        assertThat(codec.write(List.of())).asString(StandardCharsets.UTF_8).isEqualTo("[]");
    }

    @Test
    void refuses_values_json_cannot_hold_without_quoting_them() {
        assertThatThrownBy(() -> codec.write(Map.of("when", new Object() {
            @Override
            public String toString() {
                return "secret-value";
            }
        }))).isInstanceOf(InvalidInputException.class).hasMessageNotContaining("secret-value");
        assertThatThrownBy(() -> codec.write(List.of(Double.NaN))).isInstanceOf(InvalidInputException.class);
        Map<String, Object> nullKey = new HashMap<>();
        nullKey.put(null, 1);
        assertThatThrownBy(() -> codec.write(nullKey)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void refuses_a_cycle() {
        List<Object> cycle = new ArrayList<>();
        cycle.add(cycle);

        assertThatThrownBy(() -> codec.write(cycle))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("cycle");
    }

    @Test
    void read_object_yields_unmodifiable_trees() {
        Map<String, Object> tree = codec.readObject("{\"a\":[1],\"b\":{}}".getBytes(StandardCharsets.UTF_8), 200);

        assertThatThrownBy(() -> tree.put("c", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ((List<?>) tree.get("a")).clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
