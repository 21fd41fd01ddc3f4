package io.qbauth.emulator.internal.params;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.util.StringJoiner;

/**
 * Decodes a JSON object body into flat parameters: {@code {"user":{"login":"a"}}} becomes {@code user[login]=a};
 * numbers become their plain decimal text ({@code 76730} and {@code "76730"} are the same parameter), booleans
 * {@code true}/{@code false}; {@code null} members are left out; an array of scalars becomes its comma-joined
 * string, as the JS SDK sends arrays. Deeper nesting, duplicate keys and anything but an object are errors.
 */
public final class JsonParamsDecoder {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(3).build())
            .build();

    private JsonParamsDecoder() {
    }

    /** Decodes {@code length} bytes of {@code bytes} from {@code offset}. */
    public static RequestParams decode(byte[] bytes, int offset, int length) {
        ParamsCollector collector = new ParamsCollector();
        try (JsonParser parser = FACTORY.createParser(bytes, offset, length)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedRequestException("JSON body must be an object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.START_OBJECT) {
                    readGroup(parser, name, collector);
                } else {
                    addValue(parser, name, collector);
                }
            }
            if (parser.nextToken() != null) {
                throw new MalformedRequestException("Unexpected content after the JSON object");
            }
        } catch (IOException e) {
            throw new MalformedRequestException(e.getMessage() != null && e.getMessage().startsWith("Duplicate field")
                    ? "Duplicate parameter in JSON body" : "Malformed JSON body");
        }
        return collector.build();
    }

    private static void readGroup(JsonParser parser, String outer, ParamsCollector collector) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String inner = parser.currentName();
            JsonToken value = parser.nextToken();
            if (value == JsonToken.START_OBJECT) {
                throw new MalformedRequestException("Nesting deeper than one level is not supported");
            }
            addValue(parser, outer + '[' + inner + ']', collector);
        }
    }

    private static void addValue(JsonParser parser, String name, ParamsCollector collector) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return;
        }
        collector.add(name, token == JsonToken.START_ARRAY ? joinedArray(parser) : scalarText(parser));
    }

    private static String joinedArray(JsonParser parser) throws IOException {
        StringJoiner joined = new StringJoiner(",");
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                throw new MalformedRequestException("Nesting deeper than one level is not supported");
            }
            if (token != JsonToken.VALUE_NULL) {
                joined.add(scalarText(parser));
            }
        }
        return joined.toString();
    }

    private static String scalarText(JsonParser parser) throws IOException {
        return switch (parser.currentToken()) {
            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_TRUE, VALUE_FALSE -> parser.getText();
            case VALUE_NUMBER_FLOAT -> parser.getDecimalValue().stripTrailingZeros().toPlainString();
            default -> throw new MalformedRequestException("Unexpected JSON token");
        };
    }
}
