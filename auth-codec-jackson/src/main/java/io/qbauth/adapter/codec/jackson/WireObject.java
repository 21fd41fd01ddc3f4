package io.qbauth.adapter.codec.jackson;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A typed, lenient view of one JSON object of a reply, the way QuickBlox varies it: numbers may come as JSON numbers
 * or numeric strings, dates as {@code ...Z} or {@code ...+00:00}, absent and {@code null} mean the same. Values of
 * the wrong type fail with a {@link io.qbauth.domain.ProtocolException} naming the member, never quoting its value.
 */
final class WireObject {

    private static final System.Logger LOG = System.getLogger(WireObject.class.getName());

    private final Map<String, Object> members;
    private final String path;
    private final int status;

    WireObject(Map<String, Object> members, String path, int status) {
        this.members = members;
        this.path = path;
        this.status = status;
    }

    /** The HTTP status of the reply, for error messages. */
    int status() {
        return status;
    }

    /** The member {@code name}, which must be a JSON object. */
    WireObject requireObject(String name) {
        Object value = members.get(name);
        if (value instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> object = (Map<String, Object>) map;
            return new WireObject(object, qualified(name), status);
        }
        throw value == null ? missing(name) : wrongType(name, "an object");
    }

    /** The member {@code name}, which must be a non-blank string. */
    String requireText(String name) {
        return optionalText(name).filter(text -> !text.isBlank()).orElseThrow(() -> missing(name));
    }

    /** A string member; numbers and booleans are accepted and rendered as text. */
    Optional<String> optionalText(String name) {
        Object value = members.get(name);
        return switch (value) {
            case null -> Optional.empty();
            case String text -> Optional.of(text);
            case Long number -> Optional.of(number.toString());
            case BigDecimal number -> Optional.of(number.toPlainString());
            case Double number -> Optional.of(number.toString());
            case Boolean flag -> Optional.of(flag.toString());
            default -> throw wrongType(name, "a string");
        };
    }

    /** An integer member given as a JSON integer or a numeric string. */
    Optional<Long> optionalLong(String name) {
        Object value = members.get(name);
        return switch (value) {
            case null -> Optional.empty();
            case Long number -> Optional.of(number);
            case Double number when number == Math.rint(number) && Math.abs(number) < 0x1p53 ->
                    Optional.of(number.longValue());
            case String text when text.isBlank() -> Optional.empty();
            case String text -> Optional.of(parseLong(name, text.strip()));
            default -> throw wrongType(name, "an integer");
        };
    }

    /** An integer member, 0 when absent or null. */
    long longOrZero(String name) {
        return optionalLong(name).orElse(0L);
    }

    /** An integer member that must be present. */
    long requireLong(String name) {
        return optionalLong(name).orElseThrow(() -> missing(name));
    }

    /**
     * A date-time member in ISO-8601 with an offset ({@code 2019-09-01T14:55:56Z}, {@code 2019-08-26T20:09:22+00:00}).
     * Dates are informational, so an unreadable one is logged and treated as absent rather than failing the reply.
     */
    Optional<Instant> optionalInstant(String name) {
        Optional<String> text = optionalText(name);
        if (text.isEmpty() || text.get().isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(IsoInstants.parse(text.get().strip()));
        } catch (DateTimeException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "ignoring unreadable date-time in " + qualified(name));
            return Optional.empty();
        }
    }

    /** Whether the member is present and a JSON object. */
    boolean hasObject(String name) {
        return members.get(name) instanceof Map<?, ?>;
    }

    /** The member names, in reply order. */
    Iterable<String> names() {
        return members.keySet();
    }

    /** A list of strings given as a JSON array of scalars or as one scalar; empty when absent or null. */
    List<String> textList(String name) {
        Object value = members.get(name);
        if (value instanceof List<?> list) {
            List<String> out = new ArrayList<>(list.size());
            for (Object item : list) {
                out.add(scalarText(item, name));
            }
            return out;
        }
        return value == null ? List.of() : List.of(scalarText(value, name));
    }

    /** A comma-separated string (or an array) split into trimmed, non-empty items. */
    List<String> commaList(String name) {
        List<String> items = new ArrayList<>();
        for (String text : textList(name)) {
            for (String item : text.split(",")) {
                if (!item.isBlank()) {
                    items.add(item.strip());
                }
            }
        }
        return items;
    }

    private String scalarText(Object value, String name) {
        return switch (value) {
            case String text -> text;
            case BigDecimal number -> number.toPlainString();
            case Long number -> number.toString();
            case Double number -> number.toString();
            case Boolean flag -> flag.toString();
            case null, default -> throw wrongType(name, "a string or an array of strings");
        };
    }

    private long parseLong(String name, String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw wrongType(name, "an integer");
        }
    }

    private String qualified(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private RuntimeException missing(String name) {
        return ProtocolFailures.of(status, "reply has no " + qualified(name));
    }

    private RuntimeException wrongType(String name, String expected) {
        return ProtocolFailures.of(status, "reply member " + qualified(name) + " is not " + expected);
    }
}
