package io.qbauth.emulator.support;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks shared by every reply test: status, exact body bytes and the standard headers. */
public final class ReplyAssertions {

    public static final String JSON_TYPE = "application/json; charset=utf-8";

    private ReplyAssertions() {
    }

    /** Status, byte-exact body, JSON content type and the API version header. */
    public static void assertJsonReply(Reply reply, int status, String body) {
        assertThat(reply.status()).as("status of %s", reply).isEqualTo(status);
        assertThat(reply.body()).isEqualTo(body);
        assertStandardHeaders(reply);
    }

    public static void assertStandardHeaders(Reply reply) {
        assertThat(reply.header("Content-Type")).isEqualTo(JSON_TYPE);
        assertThat(reply.header("QuickBlox-REST-API-Version")).isEqualTo("0.1.1");
        assertThat(reply.header("Server")).isEqualTo("QuickBlox");
    }

    /** A QuickBlox-shaped client error: 4xx, JSON, an {@code errors} member. */
    public static void assertClientError(Reply reply, int status) {
        assertThat(reply.status()).as("status of %s", reply).isEqualTo(status);
        assertStandardHeaders(reply);
        assertThat(reply.json().containsKey("errors")).as(reply.body()).isTrue();
        assertThat(reply.json().fieldNames()).containsExactly("errors");
    }
}
