package io.qbauth.adapter.codec.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-read forms agree with {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME}, which decides everything else. */
class IsoInstantsTest {

    @ParameterizedTest
    @ValueSource(strings = {"2019-09-01T14:55:56Z", "2019-08-26T20:09:22+00:00", "2026-11-28T04:35:15.123Z",
            "2026-11-28T04:35:15.1Z", "2026-11-28T04:35:15.123456789Z", "2016-02-29T23:59:59-05:30",
            "2016-02-29T00:00:00+18:00", "0001-01-01T00:00:00-18:00", "2019-09-01t14:55:56z",
            "2019-09-01T14:55:56+01:00:30", "+12019-09-01T14:55:56Z", "2019-09-01T14:55:56.Z",
            "2019-09-01T14:55:56+01"})
    void reads_what_the_iso_formatter_reads(String text) {
        assertThat(IsoInstants.parse(text)).isEqualTo(iso(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2019-09-01T14:55:56", "2019-09-01 14:55:56Z", "2019-13-01T14:55:56Z",
            "2019-02-30T14:55:56Z", "2019-09-01T24:00:00Z", "2019-09-01T14:60:56Z",
            "2019-09-01T14:55:56.1234567890Z", "2019-09-01T14:55:56+19:00", "2019-09-01T14:55:56+0100",
            "2019-09-0xT14:55:56Z", "", "Z", "2019-09-01T14:55:56ZZ",
            "2019-09-01T14:55:56+01:60", "１０１９-09-01T14:55:56Z"})
    void refuses_what_the_iso_formatter_refuses(String text) {
        assertThatThrownBy(() -> iso(text)).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> IsoInstants.parse(text)).isInstanceOf(DateTimeException.class);
    }

    @Test
    void agrees_with_the_iso_formatter_on_random_instants_and_offsets() {
        Random random = new Random(42);
        for (int i = 0; i < 10_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 250_000_000_000L),
                    random.nextBoolean() ? 0 : random.nextInt(1_000_000_000));
            int offsetMinutes = random.nextInt(-18 * 60, 18 * 60 + 1);
            String text = instant.atOffset(ZoneOffset.ofTotalSeconds(offsetMinutes * 60))
                    .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);

            assertThat(IsoInstants.parse(text)).as(text).isEqualTo(iso(text)).isEqualTo(instant);
        }
    }

    private static Instant iso(String text) {
        return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    }
}
