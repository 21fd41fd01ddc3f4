package io.qbauth.adapter.codec.jackson;

import static io.qbauth.adapter.codec.jackson.Replies.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qbauth.domain.ProtocolException;
import io.qbauth.spi.SessionPayload;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SessionReplyTest {

    private final JacksonJsonCodec codec = new JacksonJsonCodec();

    @Test
    void reads_the_2016_cloud_reply() {
        SessionPayload session = codec.readSession(bytes(Replies.SESSION_2016), 201);

        assertThat(session.id()).isEqualTo(18862);
        assertThat(session.applicationId()).isEqualTo(35265);
        assertThat(session.userId()).isZero();
        assertThat(session.token()).isEqualTo(Replies.TOKEN_HEX);
        assertThat(session.createdAt()).contains(Instant.parse("2016-05-02T17:52:00Z"));
    }

    @Test
    void reads_the_2019_documentation_shape_with_offset_dates() {
        SessionPayload session = codec.readSession(bytes(Replies.SESSION_2019), 200);

        assertThat(session.id()).isEqualTo(1151827623L);
        assertThat(session.userId()).isEqualTo(96753878L);
        assertThat(session.token()).isEqualTo(Replies.TOKEN_JWT);
        assertThat(session.createdAt()).contains(Instant.parse("2019-08-26T20:09:22Z"));
    }

    @Test
    void accepts_ids_as_numeric_strings_and_ignores_members_it_does_not_use() {
        String body = """
                {"extra":{"deep":[1,2,{"x":null}]},"session":{"application_id":"76730","id":" 42 ","user_id":"7",\
                "token":"abc","nonce":"-5","ts":null,"something_new":true}}""";

        SessionPayload session = codec.readSession(bytes(body), 201);

        assertThat(session.applicationId()).isEqualTo(76730);
        assertThat(session.id()).isEqualTo(42);
        assertThat(session.userId()).isEqualTo(7);
    }

    @Test
    void treats_an_unreadable_date_as_absent() {
        String body = "{\"session\":{\"token\":\"abc\",\"created_at\":\"yesterday\",\"updated_at\":\"\"}}";

        SessionPayload session = codec.readSession(bytes(body), 201);

        assertThat(session.createdAt()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{}",
        "{\"session\":null}",
        "{\"session\":\"abc\"}",
        "{\"session\":{}}",
        "{\"session\":{\"token\":null}}",
        "{\"session\":{\"token\":\"  \"}}",
        "{\"session\":{\"token\":[\"abc\"]}}",
        "{\"session\":{\"token\":\"abc\",\"user_id\":\"seven\"}}",
        "{\"session\":{\"token\":\"abc\",\"user_id\":1.5}}",
        "{\"session\":{\"token\":\"abc\",\"user_id\":{}}}",
        "{\"session\":{\"token\":\"abc\\r\\nX-Evil: 1\"}}",
    })
    void refuses_replies_without_a_usable_session_or_token(String body) {
        assertThatThrownBy(() -> codec.readSession(bytes(body), 201))
                .isInstanceOfSatisfying(ProtocolException.class, e -> {
                    assertThat(e.status()).isEqualTo(201);
                    assertThat(e.getMessage()).contains("session").contains("201");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<html>token " + Replies.TOKEN_HEX + "</html>",
        "token=" + Replies.TOKEN_HEX,
        "{\"session\":{\"token\":\"" + Replies.TOKEN_HEX + "\"",
        "{\"session\":{\"token\":" + Replies.TOKEN_HEX + "}}",
        "{\"session\":{\"token\":\"" + Replies.TOKEN_HEX + "\",\"token\":\"other\"}}",
    })
    void never_quotes_a_session_reply(String body) {
        assertThatThrownBy(() -> codec.readSession(bytes(body), 201))
                .isInstanceOf(ProtocolException.class)
                .hasNoCause()
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(Replies.TOKEN_HEX.substring(0, 8)));
    }

    @Test
    void payload_toString_hides_the_token() {
        assertThat(codec.readSession(bytes(Replies.SESSION_2016), 201).toString())
                .doesNotContain(Replies.TOKEN_HEX);
    }
}
