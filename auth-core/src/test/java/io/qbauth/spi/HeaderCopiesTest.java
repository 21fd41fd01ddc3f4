package io.qbauth.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qbauth.domain.ApiResponse;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The header maps of {@link TransportRequest}, {@link ApiResponse} and {@link ApiResponse} are unmodifiable,
 * case-insensitive snapshots, whatever map they were built from: a plain map (names differing only in case are
 * merged) or an already case-insensitive sorted one (copied in one pass).
 */
class HeaderCopiesTest {

    private static final List<Function<Map<String, List<String>>, Map<String, List<String>>>> COPIES = List.of(
            headers -> new TransportRequest("GET", URI.create("http://127.0.0.1/x"), headers, null,
                    Duration.ofSeconds(1)).headers(),
            headers -> new ApiResponse(200, headers, null).headers(),
            headers -> ApiResponse.received(200, headers, null).headers());

    @Test
    void names_differing_only_in_case_are_merged_and_looked_up_in_any_case() {
        Map<String, List<String>> plain = new LinkedHashMap<>();
        plain.put("X-Multi", List.of("a"));
        plain.put("x-multi", List.of("b", "c"));
        plain.put("QB-Token", List.of("t"));

        for (var copy : COPIES) {
            Map<String, List<String>> headers = copy.apply(plain);
            assertThat(headers.get("X-MULTI")).containsExactly("a", "b", "c");
            assertThat(headers.get("qb-token")).containsExactly("t");
            assertThat(headers).hasSize(2);
        }
    }

    @Test
    void a_case_insensitive_sorted_map_is_copied_with_its_null_value_lists_dropped() {
        TreeMap<String, List<String>> sorted = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        sorted.put("Accept", List.of("application/json"));
        sorted.put("Empty", null);
        sorted.put("X-Multi", new ArrayList<>(List.of("a", "b")));

        for (var copy : COPIES) {
            Map<String, List<String>> headers = copy.apply(sorted);
            assertThat(headers).containsOnlyKeys("Accept", "X-Multi");
            assertThat(headers.get("x-multi")).containsExactly("a", "b");
            assertThat(copy.apply(headers)).isEqualTo(headers);
        }
    }

    @Test
    void the_copies_are_unmodifiable_snapshots() {
        for (Map<String, List<String>> source : List.of(new HashMap<String, List<String>>(),
                new TreeMap<String, List<String>>(String.CASE_INSENSITIVE_ORDER))) {
            List<String> values = new ArrayList<>(List.of("a"));
            source.put("X-Value", values);
            for (var copy : COPIES) {
                Map<String, List<String>> headers = copy.apply(source);
                values.add("later");
                source.put("X-Later", List.of("x"));

                assertThat(headers).containsOnlyKeys("X-Value");
                assertThat(headers.get("X-Value")).containsExactly("a");
                assertThatThrownBy(() -> headers.put("X-New", List.of())).isInstanceOf(UnsupportedOperationException.class);
                assertThatThrownBy(() -> headers.get("X-Value").add("b"))
                        .isInstanceOf(UnsupportedOperationException.class);
                values.remove("later");
                source.remove("X-Later");
            }
        }
    }
}
