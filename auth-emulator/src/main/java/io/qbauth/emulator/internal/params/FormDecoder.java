package io.qbauth.emulator.internal.params;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes {@code application/x-www-form-urlencoded} bytes (bodies and query strings) strictly: keys and values are
 * percent-decoded ({@code %5B} is {@code [}, {@code +} is a space), then read as UTF-8; a bad escape or invalid
 * UTF-8 is an error rather than a silent replacement character.
 */
public final class FormDecoder {

    private FormDecoder() {
    }

    /** Decodes {@code length} bytes of {@code bytes} from {@code offset}. */
    public static RequestParams decode(byte[] bytes, int offset, int length) {
        ParamsCollector collector = new ParamsCollector();
        int end = offset + length;
        int start = offset;
        while (start <= end) {
            int ampersand = indexOf(bytes, (byte) '&', start, end);
            if (ampersand > start) {
                addPair(collector, bytes, start, ampersand);
            }
            start = ampersand + 1;
        }
        return collector.build();
    }

    /** Decodes a whole byte array. */
    public static RequestParams decode(byte[] bytes) {
        return decode(bytes, 0, bytes.length);
    }

    private static void addPair(ParamsCollector collector, byte[] bytes, int start, int end) {
        int equals = indexOf(bytes, (byte) '=', start, end);
        String name = percentDecode(bytes, start, equals);
        String value = equals < end ? percentDecode(bytes, equals + 1, end) : "";
        collector.add(name, value);
    }

    private static int indexOf(byte[] bytes, byte wanted, int from, int end) {
        for (int i = from; i < end; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return end;
    }

    private static String percentDecode(byte[] bytes, int start, int end) {
        byte[] decoded = new byte[end - start];
        int length = 0;
        for (int i = start; i < end; i++) {
            byte b = bytes[i];
            if (b == '+') {
                decoded[length++] = ' ';
            } else if (b == '%') {
                if (i + 2 >= end) {
                    throw new MalformedRequestException("Malformed percent-encoding");
                }
                decoded[length++] = (byte) (hexDigit(bytes[i + 1]) << 4 | hexDigit(bytes[i + 2]));
                i += 2;
            } else {
                decoded[length++] = b;
            }
        }
        return utf8(decoded, length);
    }

    private static int hexDigit(byte b) {
        int digit = Character.digit(b, 16);
        if (digit < 0) {
            throw new MalformedRequestException("Malformed percent-encoding");
        }
        return digit;
    }

    private static String utf8(byte[] bytes, int length) {
        if (isAscii(bytes, length)) {
            return new String(bytes, 0, length, StandardCharsets.US_ASCII);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, length))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MalformedRequestException("Request is not valid UTF-8");
        }
    }

    private static boolean isAscii(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }
}
