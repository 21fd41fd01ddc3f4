package io.qbauth.adapter.store.redis;

import io.qbauth.domain.ConfigurationException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with a 32-byte key the application provides (never generated or stored by the SDK): a random 96-bit
 * nonce per value, a 128-bit tag, the associated data authenticated. A sealed value is
 * {@code version (1 byte) || nonce (12) || ciphertext || tag (16)}. {@link #toString()} shows no key material.
 */
public final class AesGcmSessionCipher implements SessionCipher {

    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    private AesGcmSessionCipher(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /**
     * A cipher with {@code key}, which must be 32 bytes (AES-256); the array is copied.
     *
     * @throws ConfigurationException if the key is null or not 32 bytes long
     */
    public static AesGcmSessionCipher withKey(byte[] key) {
        if (key == null || key.length != 32) {
            throw new ConfigurationException("the session cipher key must be 32 bytes (AES-256)");
        }
        return new AesGcmSessionCipher(key.clone());
    }

    @Override
    public byte[] seal(byte[] plaintext, byte[] associatedData) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData);
            byte[] sealed = cipher.doFinal(plaintext);
            byte[] out = new byte[1 + NONCE_BYTES + sealed.length];
            out[0] = VERSION;
            System.arraycopy(nonce, 0, out, 1, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, 1 + NONCE_BYTES, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM/NoPadding is part of every JDK", e);
        }
    }

    @Override
    public byte[] open(byte[] sealed, byte[] associatedData) {
        if (sealed == null || sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != VERSION) {
            throw new SessionCipherException("the stored session is not an AES-GCM value of this version", null);
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key,
                    new GCMParameterSpec(TAG_BITS, Arrays.copyOfRange(sealed, 1, 1 + NONCE_BYTES)));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new SessionCipherException(
                    "the stored session does not open with this key (another key, or a value moved between keys)", e);
        } catch (GeneralSecurityException e) {
            throw new SessionCipherException("the stored session does not open: " + e.getClass().getSimpleName(), e);
        }
    }

    @Override
    public String toString() {
        return "AesGcmSessionCipher[key=***]";
    }
}
