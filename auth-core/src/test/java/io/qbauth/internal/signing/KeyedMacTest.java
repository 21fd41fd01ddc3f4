package io.qbauth.internal.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.Provider;
import java.security.spec.AlgorithmParameterSpec;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javax.crypto.Mac;
import javax.crypto.MacSpi;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class KeyedMacTest {

    private static final SecretKeySpec KEY = new SecretKeySpec("SecReT_987-zyx".getBytes(StandardCharsets.UTF_8),
            "HmacSHA1");
    /** {@code printf '%s' 'application_id=12345' | openssl dgst -sha1 -hmac 'SecReT_987-zyx'} */
    private static final String EXPECTED = hmacOf("application_id=12345");

    @Test
    void the_jdk_mac_is_cloned_and_every_signature_equals_a_fresh_mac() throws Exception {
        KeyedMac mac = new KeyedMac(() -> Mac.getInstance("HmacSHA1"), KEY);

        assertThat(mac.clonesPrototype()).isTrue();
        for (int i = 0; i < 3; i++) { // the prototype is never updated: each signature starts from the key alone
            assertThat(hex(mac.mac(bytes("application_id=12345")))).isEqualTo(EXPECTED);
        }
        assertThat(hex(mac.mac(bytes("other")))).isEqualTo(hmacOf("other"));
    }

    @Test
    void a_mac_that_cannot_be_cloned_is_keyed_anew_for_every_signature() throws Exception {
        Provider uncloneable = new UncloneableProvider();
        KeyedMac mac = new KeyedMac(() -> Mac.getInstance("HmacSHA1", uncloneable), KEY);

        assertThat(mac.clonesPrototype()).isFalse();
        assertThat(hex(mac.mac(bytes("application_id=12345")))).isEqualTo(EXPECTED);
        assertThat(hex(mac.mac(bytes("application_id=12345")))).isEqualTo(EXPECTED);
    }

    @Test
    void concurrent_signatures_do_not_disturb_each_other() throws Exception {
        KeyedMac mac = new KeyedMac(() -> Mac.getInstance("HmacSHA1"), KEY);
        try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
            List<Future<Boolean>> runs = IntStream.range(0, 4).mapToObj(thread -> threads.submit(() -> {
                for (int i = 0; i < 2_000; i++) {
                    String message = "nonce=" + (thread * 10_000 + i);
                    if (!hex(mac.mac(bytes(message))).equals(hmacOf(message))) {
                        return false;
                    }
                }
                return true;
            })).toList();
            for (Future<Boolean> run : runs) {
                assertThat(run.get(30, TimeUnit.SECONDS)).isTrue();
            }
        }
    }

    private static String hmacOf(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(KEY);
            return hex(mac.doFinal(bytes(message)));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** A provider whose HmacSHA1 does the JDK's HMAC but cannot be cloned. */
    private static final class UncloneableProvider extends Provider {
        UncloneableProvider() {
            super("KeyedMacTest", "1", "an HmacSHA1 that cannot be cloned");
            put("Mac.HmacSHA1", UncloneableHmac.class.getName());
        }
    }

    /** Delegates to the JDK's HmacSHA1; not {@link Cloneable}, so {@code Mac.clone()} throws. */
    public static final class UncloneableHmac extends MacSpi {
        private final Mac delegate;

        public UncloneableHmac() throws GeneralSecurityException {
            delegate = Mac.getInstance("HmacSHA1");
        }

        @Override
        protected int engineGetMacLength() {
            return delegate.getMacLength();
        }

        @Override
        protected void engineInit(Key key, AlgorithmParameterSpec params)
                throws InvalidKeyException, InvalidAlgorithmParameterException {
            delegate.init(key, params);
        }

        @Override
        protected void engineUpdate(byte input) {
            delegate.update(input);
        }

        @Override
        protected void engineUpdate(byte[] input, int offset, int length) {
            delegate.update(input, offset, length);
        }

        @Override
        protected byte[] engineDoFinal() {
            return delegate.doFinal();
        }

        @Override
        protected void engineReset() {
            delegate.reset();
        }
    }
}
