package io.qbauth.emulator.internal.state;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Input that breaks a rule, as QuickBlox's field-keyed error object: field name (or {@code base}) to messages, in
 * the order they were found. Messages never contain the offending values. Thrown without a stack trace: it is
 * control flow, not a bug.
 */
public final class ValidationFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The message QuickBlox uses for a unique attribute that another user holds. */
    public static final String TAKEN = "has already been taken";

    private final transient Map<String, List<String>> errors;

    /** @param errors field name to messages; copied */
    public ValidationFailure(Map<String, List<String>> errors) {
        super("validation failed for " + errors.keySet(), null, false, false);
        Map<String, List<String>> copy = new LinkedHashMap<>();
        errors.forEach((field, messages) -> copy.put(field, List.copyOf(messages)));
        this.errors = Collections.unmodifiableMap(copy);
    }

    /** A failure for a single field. */
    public static ValidationFailure of(String field, String message) {
        return new ValidationFailure(Map.of(field, List.of(message)));
    }

    /** Field name to messages, in insertion order. */
    public Map<String, List<String>> errors() {
        return errors;
    }
}
