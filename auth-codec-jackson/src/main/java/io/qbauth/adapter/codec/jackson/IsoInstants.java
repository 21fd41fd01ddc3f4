package io.qbauth.adapter.codec.jackson;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Reads an ISO-8601 date-time with an offset, as QuickBlox writes {@code created_at} and {@code updated_at}. The forms
 * replies use ({@code 2019-09-01T14:55:56Z}, {@code 2019-08-26T20:09:22+00:00}, with or without a fraction of a
 * second) are read by hand; anything else goes to {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME}, whose verdict is
 * final. A formatter parse costs a few microseconds: half of reading a session reply, measured.
 */
final class IsoInstants {

    private static final int DATE_TIME_LENGTH = "2019-09-01T14:55:56".length();

    private IsoInstants() {
    }

    /**
     * The instant {@code text} denotes.
     *
     * @throws DateTimeException when it is not an ISO-8601 date-time with an offset
     */
    static Instant parse(String text) {
        Instant quick = quickParse(text);
        return quick != null ? quick : OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    }

    /** The instant of {@code uuuu-MM-ddTHH:mm:ss[.fraction](Z|±HH:MM)}; null for any other text. */
    private static Instant quickParse(String text) {
        int length = text.length();
        if (length < DATE_TIME_LENGTH + 1 || text.charAt(4) != '-' || text.charAt(7) != '-'
                || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        int position = DATE_TIME_LENGTH;
        int nanos = 0;
        if (text.charAt(position) == '.') {
            int start = ++position;
            while (position < length && position - start < 9 && isDigit(text.charAt(position))) {
                nanos = nanos * 10 + (text.charAt(position++) - '0');
            }
            if (position == start) {
                return null;
            }
            for (int scale = position - start; scale < 9; scale++) {
                nanos *= 10;
            }
        }
        ZoneOffset offset = offset(text, position);
        if ((year | month | day | hour | minute | second) < 0 || offset == null) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(offset);
        } catch (DateTimeException e) {
            return null; // out of range (month 13, 24:00, a leap second...): the formatter decides
        }
    }

    /** {@code Z} or {@code ±HH:MM} ending the text at {@code position}; null otherwise. */
    private static ZoneOffset offset(String text, int position) {
        int remaining = text.length() - position;
        if (remaining == 1 && text.charAt(position) == 'Z') {
            return ZoneOffset.UTC;
        }
        char sign = remaining == 6 ? text.charAt(position) : 0;
        if ((sign != '+' && sign != '-') || text.charAt(position + 3) != ':') {
            return null;
        }
        int hours = digits(text, position + 1, 2);
        int minutes = digits(text, position + 4, 2);
        if ((hours | minutes) < 0 || hours > 18 || minutes > 59) {
            return null;
        }
        int total = hours * 3600 + minutes * 60;
        return total > 18 * 3600 ? null : ZoneOffset.ofTotalSeconds(sign == '-' ? -total : total);
    }

    /** The number written by {@code count} ASCII digits at {@code from}; -1 if any is not a digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
