package io.qbauth.loadtest.driver;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Reads one field of a QuickBlox envelope, e.g. {@code {"session":{"token":...}}}, with Jackson's streaming API. */
final class JsonFields {

    private static final JsonFactory JSON = new JsonFactory();

    private JsonFields() {
    }

    /**
     * The text of {@code envelope.field} in {@code body}.
     *
     * @throws IllegalStateException when the body has no such field
     */
    static String read(byte[] body, String envelope, String field) {
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw missing(envelope, field);
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals(envelope) && value == JsonToken.START_OBJECT) {
                    return readMember(parser, envelope, field);
                }
                parser.skipChildren();
            }
            throw missing(envelope, field);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable JSON reply", e);
        }
    }

    private static String readMember(JsonParser parser, String envelope, String field) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            if (name.equals(field)) {
                return parser.getValueAsString();
            }
            parser.skipChildren();
        }
        throw missing(envelope, field);
    }

    private static IllegalStateException missing(String envelope, String field) {
        return new IllegalStateException("the reply has no " + envelope + "." + field);
    }
}
