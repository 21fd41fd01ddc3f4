package io.qbauth.emulator.internal.params;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.parsetools.JsonEvent;
import io.vertx.core.parsetools.JsonParser;
import java.math.BigDecimal;
import java.util.StringJoiner;

/**
 * Decodes a JSON object body into flat parameters: {@code {"user":{"login":"a"}}} becomes {@code user[login]=a};
 * numbers become their plain decimal text ({@code 76730} and {@code "76730"} are the same parameter), booleans
 * {@code true}/{@code false}; {@code null} members are left out; an array of scalars becomes its comma-joined
 * string, as the JS SDK sends arrays. Deeper nesting, duplicate keys and anything but one object are errors.
 */
public final class JsonParamsDecoder {

    private JsonParamsDecoder() {
    }

    /** Decodes {@code length} bytes of {@code bytes} from {@code offset}. */
    public static RequestParams decode(byte[] bytes, int offset, int length) {
        Flattener flattener = new Flattener();
        JsonParser parser = JsonParser.newParser().handler(flattener::accept);
        try {
            parser.handle(Buffer.buffer(length).appendBytes(bytes, offset, length));
            parser.end();
        } catch (DecodeException e) {
            throw new MalformedRequestException("Malformed JSON body");
        }
        return flattener.finish();
    }

    /** Follows the parser's events and collects the flattened parameters. */
    private static final class Flattener {
        private final ParamsCollector collector = new ParamsCollector();
        private int depth;
        private boolean rootSeen;
        private String group;
        private String arrayName;
        private StringJoiner array;

        void accept(JsonEvent event) {
            switch (event.type()) {
                case START_OBJECT -> startObject(event.fieldName());
                case END_OBJECT -> {
                    depth--;
                    group = null;
                }
                case START_ARRAY -> startArray(event.fieldName());
                case END_ARRAY -> {
                    collector.add(arrayName, array.toString());
                    array = null;
                }
                case VALUE -> value(event.fieldName(), event.value());
            }
        }

        RequestParams finish() {
            if (!rootSeen || depth != 0) {
                throw new MalformedRequestException("Malformed JSON body");
            }
            return collector.build();
        }

        private void startObject(String field) {
            if (depth == 0) {
                if (rootSeen) {
                    throw new MalformedRequestException("Unexpected content after the JSON object");
                }
                rootSeen = true;
            } else if (depth == 1 && array == null) {
                group = field;
            } else {
                throw tooDeep();
            }
            depth++;
        }

        private void startArray(String field) {
            requireInsideObject();
            if (array != null) {
                throw tooDeep();
            }
            arrayName = name(field);
            array = new StringJoiner(",");
        }

        private void value(String field, Object value) {
            requireInsideObject();
            if (value == null) {
                return;
            }
            if (array != null) {
                array.add(text(value));
            } else {
                collector.add(name(field), text(value));
            }
        }

        private void requireInsideObject() {
            if (depth == 0) {
                throw new MalformedRequestException("JSON body must be an object");
            }
        }

        private String name(String field) {
            return group == null ? field : group + '[' + field + ']';
        }

        private static String text(Object value) {
            if (value instanceof Double number) {
                if (!Double.isFinite(number)) {
                    throw new MalformedRequestException("Number out of range");
                }
                return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
            }
            return value.toString();
        }

        private static MalformedRequestException tooDeep() {
            return new MalformedRequestException("Nesting deeper than one level is not supported");
        }
    }
}
