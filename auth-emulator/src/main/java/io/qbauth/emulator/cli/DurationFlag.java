package io.qbauth.emulator.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations on the command line: {@code 500ms}, {@code 5s}, {@code 15m}, {@code 2h}, {@code 1d} or ISO-8601. */
final class DurationFlag {

    private static final Pattern SHORT_FORM = Pattern.compile("(\\d{1,12})(ms|s|m|h|d)");

    private DurationFlag() {
    }

    static Duration parse(String option, String text) throws UsageException {
        String value = text.trim().toLowerCase(Locale.ROOT);
        Matcher matcher = SHORT_FORM.matcher(value);
        Duration duration;
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            duration = switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        } else {
            try {
                duration = Duration.parse(text.trim().toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new UsageException(option + " expects a duration such as 2h, 15m, 5s or 500ms, got '"
                        + text + "'");
            }
        }
        if (duration.isZero() || duration.isNegative()) {
            throw new UsageException(option + " must be positive, got '" + text + "'");
        }
        return duration;
    }
}
