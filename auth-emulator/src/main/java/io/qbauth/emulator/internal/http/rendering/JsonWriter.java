package io.qbauth.emulator.internal.http.rendering;

/**
 * A minimal streaming JSON writer for the emulator's replies: members come out in the order written, which keeps
 * reply bodies byte-predictable, and nothing is allocated beyond one {@link StringBuilder}.
 */
public final class JsonWriter {

    private final StringBuilder out;
    private boolean needsComma;

    /** @param capacity the initial capacity of the text, in characters */
    public JsonWriter(int capacity) {
        out = new StringBuilder(capacity);
    }

    /** Opens an object. */
    public JsonWriter beginObject() {
        separate();
        out.append('{');
        needsComma = false;
        return this;
    }

    /** Closes the innermost object. */
    public JsonWriter endObject() {
        out.append('}');
        needsComma = true;
        return this;
    }

    /** Opens an array. */
    public JsonWriter beginArray() {
        separate();
        out.append('[');
        needsComma = false;
        return this;
    }

    /** Closes the innermost array. */
    public JsonWriter endArray() {
        out.append(']');
        needsComma = true;
        return this;
    }

    /** Writes a member name; its value comes next. */
    public JsonWriter name(String name) {
        separate();
        appendString(name);
        out.append(':');
        needsComma = false;
        return this;
    }

    /** Writes a value (a member's, or an array element). */
    public JsonWriter value(String value) {
        separate();
        if (value == null) {
            out.append("null");
        } else {
            appendString(value);
        }
        needsComma = true;
        return this;
    }

    /** Writes a value (a member's, or an array element). */
    public JsonWriter value(long value) {
        separate();
        out.append(value);
        needsComma = true;
        return this;
    }

    /** Writes a value (a member's, or an array element). */
    public JsonWriter value(Long value) {
        return value == null ? value((String) null) : value(value.longValue());
    }

    /** Writes a value (a member's, or an array element). */
    public JsonWriter value(boolean value) {
        separate();
        out.append(value);
        needsComma = true;
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private void separate() {
        if (needsComma) {
            out.append(',');
        }
    }

    private void appendString(String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
