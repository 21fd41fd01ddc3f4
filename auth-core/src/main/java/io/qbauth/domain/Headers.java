package io.qbauth.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Case-insensitive, immutable header maps, as every request and reply of the SDK holds them ({@link ApiRequest},
 * {@link ApiResponse}, the transport SPI's requests): the one implementation of that copy.
 */
public final class Headers {

    private Headers() {
    }

    /**
     * An unmodifiable, case-insensitive copy with unmodifiable value lists; values of names differing only in case
     * are merged, null names and null value lists dropped. A map that is already case-insensitive and sorted (as this
     * method returns) holds no such duplicates and is copied in one linear pass.
     */
    public static Map<String, List<String>> copyOf(Map<String, List<String>> headers) {
        TreeMap<String, List<String>> copy;
        if (headers instanceof SortedMap<String, List<String>> sorted
                && sorted.comparator() == String.CASE_INSENSITIVE_ORDER) {
            copy = new TreeMap<>(sorted);
            copy.values().removeIf(Objects::isNull);
        } else {
            // each value list copied once (not at all when already unmodifiable, as the JDK client's are); merged
            // with another only when two names differ in case alone
            TreeMap<String, List<String>> merged = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            if (headers != null) {
                headers.forEach((name, values) -> {
                    if (name != null && values != null) {
                        merged.merge(name, List.copyOf(values), Headers::concat);
                    }
                });
            }
            return Collections.unmodifiableSortedMap(merged);
        }
        copy.replaceAll((name, values) -> List.copyOf(values));
        return Collections.unmodifiableSortedMap(copy);
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> both = new ArrayList<>(first.size() + second.size());
        both.addAll(first);
        both.addAll(second);
        return List.copyOf(both);
    }

    /** The first value of {@code name} in {@code headers}, if any. */
    public static Optional<String> first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
}
