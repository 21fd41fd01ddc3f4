package io.qbauth.adapter.codec.jackson;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.qbauth.domain.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

/**
 * Writes a tree of maps, collections, strings, numbers, booleans and nulls as UTF-8 JSON. Anything else, a
 * {@code null} map key, or nesting deeper than {@link JacksonJsonCodec#MAX_NESTING_DEPTH} (which also catches
 * cycles) fails with an {@link InvalidInputException} that names the type, never the value.
 */
final class JsonTreeWriter {

    private final JsonFactory factory;

    JsonTreeWriter(JsonFactory factory) {
        this.factory = factory;
    }

    byte[] write(Object tree) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator generator = factory.createGenerator(out)) {
            writeValue(generator, tree);
        } catch (StreamConstraintsException e) {
            throw new InvalidInputException("JSON tree nests deeper than " + JacksonJsonCodec.MAX_NESTING_DEPTH
                    + " levels (or contains a cycle)");
        } catch (IOException e) {
            // writing to a byte array performs no I/O
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void writeValue(JsonGenerator generator, Object value) throws IOException {
        switch (value) {
            case null -> generator.writeNull();
            case CharSequence text -> generator.writeString(text.toString());
            case Boolean flag -> generator.writeBoolean(flag);
            case Integer number -> generator.writeNumber(number);
            case Long number -> generator.writeNumber(number);
            case Short number -> generator.writeNumber(number);
            case Byte number -> generator.writeNumber(number.intValue());
            case BigInteger number -> generator.writeNumber(number);
            case BigDecimal number -> generator.writeNumber(number);
            case Double number -> generator.writeNumber(finite(number));
            case Float number -> generator.writeNumber(finite(number));
            case Map<?, ?> map -> writeObject(generator, map);
            case Collection<?> list -> writeArray(generator, list);
            default -> throw new InvalidInputException(
                    "cannot write a " + value.getClass().getName() + " as JSON");
        }
    }

    private static void writeObject(JsonGenerator generator, Map<?, ?> map) throws IOException {
        generator.writeStartObject();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (entry.getKey() == null) {
                throw new InvalidInputException("cannot write a JSON object with a null key");
            }
            generator.writeFieldName(entry.getKey().toString());
            writeValue(generator, entry.getValue());
        }
        generator.writeEndObject();
    }

    private static void writeArray(JsonGenerator generator, Collection<?> list) throws IOException {
        generator.writeStartArray();
        for (Object item : list) {
            writeValue(generator, item);
        }
        generator.writeEndArray();
    }

    private static double finite(double number) {
        if (!Double.isFinite(number)) {
            throw new InvalidInputException("cannot write NaN or infinity as JSON");
        }
        return number;
    }
}
