package io.qbauth.adapter.codec.jackson;

import static io.qbauth.adapter.codec.jackson.Replies.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qbauth.domain.ProtocolException;
import io.qbauth.domain.User;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UserReplyTest {

    private final JacksonJsonCodec codec = new JacksonJsonCodec();

    @Test
    void reads_a_sign_up_reply() {
        User user = codec.readUser(bytes(Replies.USER), 201);

        assertThat(user.id()).isEqualTo(96753878L);
        assertThat(user.login()).contains("alice_qb");
        assertThat(user.email()).contains("alice+qb@example.com");
        assertThat(user.fullName()).contains("Alice Q. Blox");
        assertThat(user.phone()).isEmpty();
        assertThat(user.externalUserId()).isEmpty();
        assertThat(user.facebookId()).isEmpty();
        assertThat(user.tags()).containsExactly("tagA", "tagB");
        assertThat(user.createdAt()).contains(Instant.parse("2019-09-01T14:55:56Z"));
        assertThat(user.lastRequestAt()).isEmpty();
    }

    @Test
    void accepts_numeric_strings_numbers_for_text_and_offset_dates() {
        String body = """
                {"user":{"id":"12","external_user_id":"99","facebook_id":100002,"user_tags":" a , ,b ",\
                "last_request_at":"2019-08-26T20:09:22+00:00","custom_data":"{\\"k\\":1}"}}""";

        User user = codec.readUser(bytes(body), 202);

        assertThat(user.id()).isEqualTo(12);
        assertThat(user.externalUserId()).contains(99L);
        assertThat(user.facebookId()).contains("100002");
        assertThat(user.tags()).containsExactly("a", "b");
        assertThat(user.lastRequestAt()).contains(Instant.parse("2019-08-26T20:09:22Z"));
        assertThat(user.customData()).contains("{\"k\":1}");
    }

    @Test
    void requires_the_user_and_its_id() {
        assertThatThrownBy(() -> codec.readUser(bytes("{\"user\":{\"login\":\"alice_qb\"}}"), 201))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("user.id");
        assertThatThrownBy(() -> codec.readUser(bytes(Replies.SESSION_2016), 201))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("no user");
    }
}
