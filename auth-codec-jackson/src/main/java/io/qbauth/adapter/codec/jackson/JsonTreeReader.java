package io.qbauth.adapter.codec.jackson;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.qbauth.domain.ProtocolException;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses a reply into unmodifiable maps, lists, strings, {@code Long}/{@code Double}/{@code BigDecimal} numbers,
 * booleans and nulls. The factory's constraints bound depth and sizes, so the recursion here is at most
 * {@link JacksonJsonCodec#MAX_NESTING_DEPTH} deep.
 *
 * <p>Failures become {@link ProtocolException}s whose messages carry the status, what was
 * expected, and a position, but never Jackson's own message (which may echo content); only non-JSON replies that are
 * not session replies are quoted, through {@link ReplySnippet}.
 */
final class JsonTreeReader {

    /** Decimal exponents beyond this are refused: a 60-char number must not become a costly BigDecimal. */
    private static final int MAX_DECIMAL_SCALE = 1_000;

    private final JsonFactory factory;

    JsonTreeReader(JsonFactory factory) {
        this.factory = factory;
    }

    /**
     * Reads a whole body that must be one JSON object.
     *
     * @param what        names the reply in messages, e.g. {@code "session reply"}
     * @param mayQuote    whether a non-JSON body may be quoted (false for replies that can carry a token)
     */
    Map<String, Object> readObject(byte[] body, int status, String what, boolean mayQuote) {
        int first = ReplySnippet.firstNonWhitespace(body);
        if (first < 0) {
            throw ProtocolFailures.of(status, what + " is empty");
        }
        if (body[first] != '{') {
            String kind = body[first] == '[' ? "a JSON array, not an object" : "not a JSON object";
            throw ProtocolFailures.of(status, what + " is " + kind + (mayQuote ? ReplySnippet.of(body) : ""));
        }
        try (JsonParser parser = factory.createParser(body)) {
            parser.nextToken();
            Map<String, Object> tree = readObjectBody(parser, status);
            if (parser.nextToken() != null) {
                throw ProtocolFailures.of(status, what + " has content after the JSON object");
            }
            return tree;
        } catch (StreamConstraintsException e) {
            throw ProtocolFailures.of(status, what + " exceeds the codec's limits: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw ProtocolFailures.of(status, what + " is malformed JSON" + position(e.getLocation()));
        } catch (IOException e) {
            // parsing a byte array performs no I/O; kept for the checked signature
            throw ProtocolFailures.of(status, what + " could not be read");
        } catch (ProtocolException e) {
            throw e;
        } catch (RuntimeException e) {
            // e.g. the symbol table refusing a flood of colliding member names: still just an unusable reply
            throw ProtocolFailures.of(status, what + " could not be parsed (" + e.getClass().getSimpleName() + ")");
        }
    }

    private Map<String, Object> readObjectBody(JsonParser parser, int status) throws IOException {
        Map<String, Object> map = new LinkedHashMap<>();
        String name;
        while ((name = parser.nextFieldName()) != null) {
            map.put(name, readValue(parser, parser.nextToken(), status));
        }
        return Collections.unmodifiableMap(map);
    }

    private List<Object> readArrayBody(JsonParser parser, int status) throws IOException {
        List<Object> list = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            list.add(readValue(parser, token, status));
        }
        return Collections.unmodifiableList(list);
    }

    private Object readValue(JsonParser parser, JsonToken token, int status) throws IOException {
        if (token == null) {
            throw ProtocolFailures.of(status, "reply ends inside a JSON value");
        }
        return switch (token) {
            case START_OBJECT -> readObjectBody(parser, status);
            case START_ARRAY -> readArrayBody(parser, status);
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT -> integer(parser);
            case VALUE_NUMBER_FLOAT -> decimal(parser, status);
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw ProtocolFailures.of(status, "reply has an unexpected JSON token " + token);
        };
    }

    private static Object integer(JsonParser parser) throws IOException {
        return switch (parser.getNumberType()) {
            case INT, LONG -> parser.getLongValue();
            default -> new BigDecimal(parser.getBigIntegerValue());
        };
    }

    /** A {@code Double} when that is exact to 15 significant digits, else the exact {@code BigDecimal}. */
    private static Object decimal(JsonParser parser, int status) throws IOException {
        BigDecimal exact = parser.getDecimalValue();
        if (Math.abs(exact.scale()) > MAX_DECIMAL_SCALE) {
            throw ProtocolFailures.of(status, "reply has a number out of range");
        }
        double value = exact.doubleValue();
        boolean representable = Double.isFinite(value) && (value != 0 || exact.signum() == 0);
        return representable && exact.precision() <= 15 ? value : exact;
    }

    private static String position(JsonLocation location) {
        return location == null || location.getLineNr() < 0
                ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

}
