package io.qbauth.emulator.internal.http.rendering;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The three date formats on the wire, to the second: body date-times ({@code 2016-05-02T17:52:00Z}), the
 * {@code QB-Token-ExpirationDate} header ({@code 2016-05-02 19:52:00 UTC}) and the HTTP {@code Date} header.
 */
public final class UtcTimestamps {

    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private final Clock clock;
    private volatile CachedHttpDate httpDate = new CachedHttpDate(Long.MIN_VALUE, "");
    private volatile CachedHttpDate expiration = new CachedHttpDate(Long.MIN_VALUE, "");

    /** @param clock the clock the {@code Date} header reads */
    public UtcTimestamps(Clock clock) {
        this.clock = clock;
    }

    /** {@code 2016-05-02T17:52:00Z}. */
    public static String bodyDateTime(Instant instant) {
        return dateTime(instant, 'T').append('Z').toString();
    }

    /** {@code 2016-05-02 19:52:00 UTC}. */
    static String expirationHeader(Instant instant) {
        return dateTime(instant, ' ').append(" UTC").toString();
    }

    /** {@link #expirationHeader}, formatted once per second: consecutive requests slide to the same second. */
    String expirationHeaderCached(Instant instant) {
        long second = instant.getEpochSecond();
        CachedHttpDate cached = expiration;
        if (cached.epochSecond != second) {
            cached = new CachedHttpDate(second, expirationHeader(instant));
            expiration = cached;
        }
        return cached.text;
    }

    /** The {@code Date} header for the emulator's clock now; formatted once per second. */
    String httpDateNow() {
        long second = clock.instant().getEpochSecond();
        CachedHttpDate cached = httpDate;
        if (cached.epochSecond != second) {
            cached = new CachedHttpDate(second, HTTP_DATE.format(Instant.ofEpochSecond(second)));
            httpDate = cached;
        }
        return cached.text;
    }

    private static StringBuilder dateTime(Instant instant, char separator) {
        LocalDateTime time = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        StringBuilder text = new StringBuilder(24);
        text.append(time.getYear()).append('-');
        twoDigits(text, time.getMonthValue()).append('-');
        twoDigits(text, time.getDayOfMonth()).append(separator);
        twoDigits(text, time.getHour()).append(':');
        twoDigits(text, time.getMinute()).append(':');
        return twoDigits(text, time.getSecond());
    }

    private static StringBuilder twoDigits(StringBuilder text, int value) {
        return text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    private record CachedHttpDate(long epochSecond, String text) {
    }
}
