package io.qbauth.internal.http;

import io.qbauth.domain.ApiResponse;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * Reads a session's expiry from a reply (wire protocol §7): {@code QB-Token-ExpirationDate} in the form
 * {@code 2016-05-02 19:52:00 UTC} or {@code 2018-05-04 13:02:58 +0000}, corrected for clock skew with the reply's
 * {@code Date} header: the remaining lifetime by the server's clock is added to the local receive time.
 */
public final class ExpiryHeaders {

    /** The header carrying the session expiry. */
    public static final String EXPIRATION_HEADER = "QB-Token-ExpirationDate";

    private static final DateTimeFormatter LOCAL_PART = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);
    private static final int LOCAL_PART_LENGTH = "2016-05-02 19:52:00".length();

    /**
     * The last header value one parser saw and what it parsed to. Replies carry the same two dates for a whole second,
     * so the last value of each is kept: a {@code DateTimeFormatter} parse costs more than the rest of a reply's
     * handling in the SDK. Immutable entries, so a race between callers at worst parses once more.
     */
    private static final class LastParsed {
        private record Entry(String text, Optional<Long> epochMillis) {
        }

        private final Function<String, Optional<Long>> parser;
        private volatile Entry last = new Entry("", Optional.empty());

        LastParsed(Function<String, Optional<Long>> parser) {
            this.parser = parser;
        }

        Optional<Long> parse(String text) {
            Entry entry = last;
            if (!entry.text().equals(text)) {
                entry = new Entry(text, parser.apply(text));
                last = entry;
            }
            return entry.epochMillis();
        }
    }

    private static final LastParsed EXPIRATIONS = new LastParsed(ExpiryHeaders::readExpiration);
    private static final LastParsed HTTP_DATES = new LastParsed(ExpiryHeaders::readHttpDate);

    private ExpiryHeaders() {
    }

    /**
     * The expiry the reply reports, in local epoch milliseconds; empty when the header is absent or unreadable.
     *
     * @param receivedAtMillis when the reply arrived, by the local clock
     */
    public static OptionalLong reportedExpiry(ApiResponse response, long receivedAtMillis) {
        Optional<Long> expiry = response.header(EXPIRATION_HEADER).flatMap(ExpiryHeaders::parseExpiration);
        if (expiry.isEmpty()) {
            return OptionalLong.empty();
        }
        long reported = expiry.get();
        return OptionalLong.of(response.header("Date").flatMap(ExpiryHeaders::parseHttpDate)
                .map(serverNow -> receivedAtMillis + (reported - serverNow))
                .orElse(reported));
    }

    /**
     * The expiry to track after {@code exchange}: the reported one; for a 2xx reply without a header, or with one
     * that had already passed when the reply arrived, the time the request was sent plus {@code fallbackTtlMillis}
     * (QuickBlox sessions expire that long after the last request).
     */
    public static OptionalLong trackedExpiry(TimedResponse exchange, long fallbackTtlMillis) {
        OptionalLong reported = reportedExpiry(exchange.response(), exchange.receivedAtMillis());
        if (!exchange.response().isSuccess()) {
            return reported;
        }
        return reported.isPresent() && reported.getAsLong() > exchange.receivedAtMillis()
                ? reported
                : OptionalLong.of(exchange.sentAtMillis() + fallbackTtlMillis);
    }

    /**
     * Whether the reply reports an expiry that had already passed when it arrived (after the skew correction): a
     * session that expired before it could be used says nothing true about its lifetime, so such a header is
     * treated as absent.
     */
    public static boolean reportsPastExpiry(TimedResponse exchange) {
        OptionalLong reported = reportedExpiry(exchange.response(), exchange.receivedAtMillis());
        return reported.isPresent() && reported.getAsLong() <= exchange.receivedAtMillis();
    }

    /** Parses {@code yyyy-MM-dd HH:mm:ss} followed by {@code UTC}, {@code GMT}, {@code Z} or a numeric offset. */
    static Optional<Long> parseExpiration(String value) {
        return EXPIRATIONS.parse(value);
    }

    /** Parses an RFC 1123 {@code Date} header. */
    static Optional<Long> parseHttpDate(String value) {
        return HTTP_DATES.parse(value);
    }

    private static Optional<Long> readExpiration(String value) {
        String text = value.trim();
        if (text.length() < LOCAL_PART_LENGTH) {
            return Optional.empty();
        }
        try {
            LocalDateTime local = LocalDateTime.parse(text.substring(0, LOCAL_PART_LENGTH), LOCAL_PART);
            String zone = text.substring(LOCAL_PART_LENGTH).trim();
            ZoneOffset offset = switch (zone) {
                case "UTC", "GMT", "Z", "" -> ZoneOffset.UTC;
                default -> ZoneOffset.of(zone.length() == 5 ? zone.substring(0, 3) + ":" + zone.substring(3) : zone);
            };
            return Optional.of(local.toInstant(offset).toEpochMilli());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> readHttpDate(String value) {
        try {
            return Optional.of(ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant().toEpochMilli());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
