package io.qbauth.emulator.internal.http.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.emulator.support.MutableClock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Dates and JSON as they appear on the wire. */
class WireFormatTest {

    private static final Instant INSTANT = Instant.parse("2016-05-02T17:52:00.987Z");

    @Test
    void formats_the_three_date_forms() {
        assertThat(UtcTimestamps.bodyDateTime(INSTANT)).isEqualTo("2016-05-02T17:52:00Z");
        assertThat(UtcTimestamps.expirationHeader(INSTANT.plusSeconds(7200))).isEqualTo("2016-05-02 19:52:00 UTC");
        assertThat(new UtcTimestamps(new MutableClock(INSTANT)).httpDateNow())
                .isEqualTo("Mon, 02 May 2016 17:52:00 GMT");
    }

    @Test
    void escapes_json_strings() {
        String json = new JsonWriter(16).beginObject().name("k\"").value("a\\b\n\t\u0001\u2028é").name("n")
                .value((String) null).name("l").value(Long.valueOf(5)).endObject().toString();

        assertThat(json).isEqualTo("{\"k\\\"\":\"a\\\\b\\n\\t\\u0001\\u2028é\",\"n\":null,\"l\":5}");
    }

    @Test
    void builds_both_error_envelopes() {
        assertThat(ErrorReply.list(401, "Unauthorized").body()).isEqualTo("{\"errors\":[\"Unauthorized\"]}");
        assertThat(ErrorReply.fields(422, Map.of("login", List.of("has already been taken"))).body())
                .isEqualTo("{\"errors\":{\"login\":[\"has already been taken\"]}}");
        assertThat(ErrorReply.NO_APPLICATION.body()).hasSize(44);
        assertThat(ErrorReply.UNAUTHORIZED.body()).hasSize(27);
        assertThat(ErrorReply.forStatus(413)).isSameAs(ErrorReply.PAYLOAD_TOO_LARGE);
        assertThat(ErrorReply.forStatus(418)).isSameAs(ErrorReply.BAD_REQUEST);
    }
}
