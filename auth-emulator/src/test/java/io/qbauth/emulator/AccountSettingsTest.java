package io.qbauth.emulator;

import static io.qbauth.emulator.support.ReplyAssertions.assertJsonReply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qbauth.emulator.junit.QbEmulatorExtension;
import io.qbauth.emulator.support.Fixtures;
import io.qbauth.emulator.support.Http;
import io.qbauth.emulator.support.MutableClock;
import io.qbauth.emulator.support.Reply;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code GET /account_settings.json}: endpoint discovery with the account key (wire document, section 4.8). */
class AccountSettingsTest {

    private static final String ACCOUNT_KEY = "acc-K3y_for-tests";
    private static final MutableClock CLOCK = new MutableClock(Fixtures.PINNED);

    @RegisterExtension
    static final QbEmulatorExtension EMULATOR =
            Fixtures.standard(QbEmulatorExtension.builder(), CLOCK).accountKey(ACCOUNT_KEY).build();

    @Test
    void announces_this_server_as_the_api_endpoint_to_the_right_key(QbEmulator emulator) {
        Reply reply = new Http(emulator.baseUrl()).get("/account_settings.json", "QB-Account-Key", ACCOUNT_KEY);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().getLong("account_id")).isPositive();
        assertThat(reply.json().getString("api_endpoint")).isEqualTo(withoutTrailingSlash(emulator.baseUrl()));
        assertThat(reply.json().getString("chat_endpoint")).isEqualTo("chat.quickblox.com");
        assertThat(reply.header("QB-Token-ExpirationDate")).isNull();
    }

    @Test
    void serves_the_path_without_the_json_suffix_too(QbEmulator emulator) {
        assertThat(new Http(emulator.baseUrl()).get("/account_settings", "QB-Account-Key", ACCOUNT_KEY).status())
                .isEqualTo(200);
    }

    @Test
    void refuses_a_missing_or_wrong_key_without_echoing_it(QbEmulator emulator) {
        Http http = new Http(emulator.baseUrl());
        String unauthorized = "{\"errors\":[\"Unauthorized\"]}";

        assertJsonReply(http.get("/account_settings.json"), 401, unauthorized);
        assertJsonReply(http.get("/account_settings.json", "QB-Account-Key", "someone-elses-key"), 401, unauthorized);
        assertJsonReply(http.get("/account_settings.json", "QB-Account-Key", ACCOUNT_KEY + "x"), 401, unauthorized);
    }

    @Test
    void announces_a_configured_endpoint_instead() {
        try (QbEmulator emulator = Fixtures.standard(QbEmulator.builder(), CLOCK)
                .accountApiEndpoint(URI.create("https://api1234.quickblox.com")).start()) {
            Reply reply = new Http(emulator.baseUrl()).get("/account_settings.json", "QB-Account-Key",
                    QbEmulator.AbstractBuilder.DEFAULT_ACCOUNT_KEY);

            assertThat(reply.json().getString("api_endpoint")).isEqualTo("https://api1234.quickblox.com");
        }
    }

    @Test
    void refuses_a_bad_account_key_or_endpoint_at_start() {
        assertThatThrownBy(() -> QbEmulator.builder().accountKey("has space").start())
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("has space");
        assertThatThrownBy(() -> QbEmulator.builder().accountApiEndpoint(URI.create("ftp://x.example")).start())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http or https");
        assertThatThrownBy(() -> QbEmulator.builder().accountKey(null)).isInstanceOf(NullPointerException.class);
    }

    private static String withoutTrailingSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
