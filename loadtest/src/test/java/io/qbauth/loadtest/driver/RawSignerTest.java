package io.qbauth.loadtest.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.loadtest.server.AppCredentials;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The baseline's signer against the wire protocol doc's test vectors (§3.2). */
class RawSignerTest {

    private final RawSigner signer = new RawSigner(
            new AppCredentials(URI.create("http://127.0.0.1:1"), 12345, "AbCdEfGh12345-x", "SecReT_987-zyx"));

    @Test
    void signsAnApplicationSessionLikeVectorV1() {
        Map<String, String> form = signer.signed(Map.of(), 4821, 1_700_000_000L);

        assertThat(form).containsEntry("signature", "4211231cdda8884d8febf9c880eca13ccead8c38")
                .containsEntry("application_id", "12345").containsEntry("nonce", "4821");
    }

    @Test
    void signsAUserSessionLikeVectorV2() {
        Map<String, String> form = signer.signed(
                Map.of("user[login]", "alice_qb", "user[password]", "alicePass123"), 4821, 1_700_000_000L);

        assertThat(form).containsEntry("signature", "5bfd5788db49eae5a770ae33bcd433b64428ccc9");
    }
}
