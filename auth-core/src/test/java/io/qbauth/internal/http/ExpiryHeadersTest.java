package io.qbauth.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.domain.ApiResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ExpiryHeadersTest {

    private static final long RECEIVED = Instant.parse("2030-01-01T00:00:00Z").toEpochMilli();

    @Test
    void both_documented_formats_are_read() {
        assertThat(ExpiryHeaders.parseExpiration("2016-05-02 19:52:00 UTC"))
                .contains(Instant.parse("2016-05-02T19:52:00Z").toEpochMilli());
        assertThat(ExpiryHeaders.parseExpiration("2018-05-04 13:02:58 +0000"))
                .contains(Instant.parse("2018-05-04T13:02:58Z").toEpochMilli());
        assertThat(ExpiryHeaders.parseExpiration("2018-05-04 15:02:58 +0200"))
                .contains(Instant.parse("2018-05-04T13:02:58Z").toEpochMilli());
    }

    @Test
    void a_repeated_value_reads_the_same_and_a_new_one_its_own() {
        for (int i = 0; i < 3; i++) {
            assertThat(ExpiryHeaders.parseExpiration("2016-05-02 19:52:00 UTC"))
                    .contains(Instant.parse("2016-05-02T19:52:00Z").toEpochMilli());
            assertThat(ExpiryHeaders.parseExpiration("2016-05-02 19:52:01 UTC"))
                    .contains(Instant.parse("2016-05-02T19:52:01Z").toEpochMilli());
            assertThat(ExpiryHeaders.parseExpiration("soon")).isEmpty();
            assertThat(ExpiryHeaders.parseHttpDate("Mon, 02 May 2016 19:52:00 GMT"))
                    .contains(Instant.parse("2016-05-02T19:52:00Z").toEpochMilli());
            assertThat(ExpiryHeaders.parseHttpDate("Mon, 02 May 2016 19:52:01 GMT"))
                    .contains(Instant.parse("2016-05-02T19:52:01Z").toEpochMilli());
            assertThat(ExpiryHeaders.parseHttpDate("")).isEmpty();
        }
    }

    @Test
    void unreadable_values_are_ignored() {
        assertThat(ExpiryHeaders.parseExpiration("tomorrow")).isEmpty();
        assertThat(ExpiryHeaders.parseExpiration("2018-13-04 13:02:58 UTC")).isEmpty();
        assertThat(ExpiryHeaders.parseExpiration("2018-05-04 13:02:58 Mars")).isEmpty();
        assertThat(reported(Map.of("QB-Token-ExpirationDate", "soon"))).isEmpty();
        assertThat(reported(Map.of())).isEmpty();
    }

    @Test
    void the_server_clock_skew_is_removed_with_the_date_header() {
        // the server's clock is 10 minutes behind ours: its 2 h are 2 h from our receive time
        OptionalLong expiry = reported(Map.of(
                "QB-Token-ExpirationDate", "2030-01-01 01:50:00 UTC",
                "Date", "Mon, 31 Dec 2029 23:50:00 GMT"));

        assertThat(expiry).hasValue(RECEIVED + Duration.ofHours(2).toMillis());
    }

    @Test
    void without_a_date_header_the_expiry_is_taken_as_is() {
        assertThat(reported(Map.of("QB-Token-ExpirationDate", "2030-01-01 02:00:00 UTC")))
                .hasValue(Instant.parse("2030-01-01T02:00:00Z").toEpochMilli());
    }

    @Test
    void a_2xx_without_header_falls_back_to_last_request_plus_ttl_and_an_error_reports_nothing() {
        TimedResponse ok = new TimedResponse(new ApiResponse(200, Map.of(), null), RECEIVED - 500, RECEIVED);
        TimedResponse notFound = new TimedResponse(new ApiResponse(404, Map.of(), null), RECEIVED - 500, RECEIVED);

        assertThat(ExpiryHeaders.trackedExpiry(ok, 1000)).hasValue(RECEIVED + 500);
        assertThat(ExpiryHeaders.trackedExpiry(notFound, 1000)).isEmpty();
    }

    private static OptionalLong reported(Map<String, String> headers) {
        Map<String, List<String>> h = new java.util.HashMap<>();
        headers.forEach((k, v) -> h.put(k, List.of(v)));
        return ExpiryHeaders.reportedExpiry(new ApiResponse(200, h, null), RECEIVED);
    }
}
