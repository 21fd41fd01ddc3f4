package io.qbauth.emulator.internal.params;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * Decoded request parameters: names are {@code name} or {@code outer[inner]} (one level of nesting, as QuickBlox
 * flattens it), values are strings (JSON numbers in plain decimal). Immutable.
 */
public final class RequestParams {

    /** No parameters. */
    public static final RequestParams EMPTY = new RequestParams(Map.of());

    private final Map<String, String> values;

    private RequestParams(Map<String, String> values) {
        this.values = values;
    }

    static RequestParams of(Map<String, String> values) {
        return values.isEmpty() ? EMPTY : new RequestParams(Collections.unmodifiableMap(values));
    }

    /** The parameters of {@code base} overridden by those of {@code overrides} (body params win over the query). */
    public static RequestParams merge(RequestParams base, RequestParams overrides) {
        if (base.values.isEmpty()) {
            return overrides;
        }
        if (overrides.values.isEmpty()) {
            return base;
        }
        Map<String, String> merged = new HashMap<>(base.values);
        merged.putAll(overrides.values);
        return of(merged);
    }

    /** The value of {@code name}, or {@code null}. */
    public String get(String name) {
        return values.get(name);
    }

    /** The value of {@code outer[inner]}, or {@code null}. */
    public String get(String outer, String inner) {
        return values.get(outer + '[' + inner + ']');
    }

    /** Whether the parameter is present (possibly empty). */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** Whether any {@code outer[...]} parameter is present. */
    public boolean hasGroup(String outer) {
        String prefix = outer + '[';
        return values.keySet().stream().anyMatch(name -> name.startsWith(prefix));
    }

    /** All parameters, unmodifiable. */
    public Map<String, String> asMap() {
        return values;
    }

    /** Parameter names only: values may be secrets. */
    @Override
    public String toString() {
        return "RequestParams" + values.keySet();
    }
}
