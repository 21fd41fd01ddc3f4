package io.qbauth.adapter.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qbauth.domain.ConfigurationException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SessionCipherTest {

    private static final byte[] AD = "qbauth:{1:ab}:s\u00001".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PLAIN = "token-0123456789abcdef".getBytes(StandardCharsets.UTF_8);

    @Test
    void a_sealed_value_opens_with_the_same_key_and_associated_data() {
        AesGcmSessionCipher cipher = AesGcmSessionCipher.withKey(TestSessions.key());
        byte[] sealed = cipher.seal(PLAIN, AD);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("token-0123456789abcdef");
        assertThat(cipher.open(sealed, AD)).isEqualTo(PLAIN);
        assertThat(cipher.seal(PLAIN, AD)).as("a fresh nonce per seal").isNotEqualTo(sealed);
    }

    @Test
    void another_key_is_a_typed_error() {
        byte[] sealed = AesGcmSessionCipher.withKey(TestSessions.key()).seal(PLAIN, AD);
        assertThatThrownBy(() -> AesGcmSessionCipher.withKey(TestSessions.key()).open(sealed, AD))
                .isInstanceOf(SessionCipherException.class).hasMessageContaining("does not open with this key");
    }

    @Test
    void a_value_moved_to_another_key_or_generation_does_not_open() {
        AesGcmSessionCipher cipher = AesGcmSessionCipher.withKey(TestSessions.key());
        byte[] sealed = cipher.seal(PLAIN, AD);
        byte[] otherAd = "qbauth:{1:ab}:s\u00002".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> cipher.open(sealed, otherAd)).isInstanceOf(SessionCipherException.class);
    }

    @Test
    void a_tampered_or_foreign_value_is_a_typed_error() {
        AesGcmSessionCipher cipher = AesGcmSessionCipher.withKey(TestSessions.key());
        byte[] sealed = cipher.seal(PLAIN, AD);
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.open(sealed, AD)).isInstanceOf(SessionCipherException.class);
        assertThatThrownBy(() -> cipher.open(PLAIN, AD)).isInstanceOf(SessionCipherException.class);
        assertThatThrownBy(() -> cipher.open(new byte[0], AD)).isInstanceOf(SessionCipherException.class);
    }

    @Test
    void the_key_must_be_32_bytes_and_never_shows() {
        assertThatThrownBy(() -> AesGcmSessionCipher.withKey(new byte[16])).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> AesGcmSessionCipher.withKey(null)).isInstanceOf(ConfigurationException.class);
        assertThat(AesGcmSessionCipher.withKey(TestSessions.key()).toString()).isEqualTo("AesGcmSessionCipher[key=***]");
    }
}
