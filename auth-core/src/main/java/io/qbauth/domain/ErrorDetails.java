package io.qbauth.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The QuickBlox error envelope, {@code {"errors": [...]}} or {@code {"errors": {"field": [...]}}}, in one shape.
 *
 * @param messages    messages of the array form, plus those under {@code base} in the object form
 * @param fieldErrors messages keyed by field, for every key of the object form except {@code base}
 */
public record ErrorDetails(List<String> messages, Map<String, List<String>> fieldErrors) {

    /** No error details (no reply, or an unparseable one). */
    public static final ErrorDetails NONE = new ErrorDetails(List.of(), Map.of());

    public ErrorDetails {
        messages = messages == null ? List.of() : List.copyOf(messages);
        Map<String, List<String>> copy = new LinkedHashMap<>();
        if (fieldErrors != null) {
            fieldErrors.forEach((field, list) -> copy.put(field, list == null ? List.of() : List.copyOf(list)));
        }
        fieldErrors = java.util.Collections.unmodifiableMap(copy);
    }

    /** Details holding only top-level messages. */
    public static ErrorDetails ofMessages(List<String> messages) {
        return new ErrorDetails(messages, Map.of());
    }

    /** Whether any message (top-level or per field) equals {@code text}. */
    public boolean contains(String text) {
        return messages.contains(text) || fieldErrors.values().stream().anyMatch(list -> list.contains(text));
    }

    /** All messages, top-level first, then {@code field message} for each field, for display. */
    public List<String> describe() {
        List<String> all = new ArrayList<>(messages);
        fieldErrors.forEach((field, list) -> list.forEach(message -> all.add(field + " " + message)));
        return List.copyOf(all);
    }
}
