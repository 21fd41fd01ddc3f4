package io.qbauth.emulator.internal.params;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Collects decoded parameters, rejecting names QuickBlox cannot have and duplicates. */
final class ParamsCollector {

    private static final Pattern NAME = Pattern.compile("[^\\[\\]]+(\\[[^\\[\\]]+])?");

    private final Map<String, String> values = new HashMap<>();

    /** Adds {@code name=value}; the name must be {@code name} or {@code outer[inner]} and not seen before. */
    void add(String name, String value) {
        if (!NAME.matcher(name).matches()) {
            throw new MalformedRequestException("Unsupported parameter name " + MalformedRequestException.quoteName(name)
                    + ": use name or outer[inner]");
        }
        if (values.putIfAbsent(name, value) != null) {
            throw new MalformedRequestException("Duplicate parameter " + MalformedRequestException.quoteName(name));
        }
    }

    RequestParams build() {
        return RequestParams.of(values);
    }
}
