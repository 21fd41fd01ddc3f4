package io.qbauth.loadtest.driver;

import io.qbauth.loadtest.server.AppCredentials;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The create-session form of the wire protocol (§3): every parameter but {@code signature}, sorted by name, joined
 * as {@code k=v&...} without encoding, signed with HMAC-SHA1 and the auth secret. Written here from the protocol
 * doc rather than borrowed from the SDK, so the baseline shares no code with what it is compared to.
 */
final class RawSigner {

    private final AppCredentials app;

    RawSigner(AppCredentials app) {
        this.app = app;
    }

    /** The signed form, with {@code extra} (e.g. {@code user[login]}, {@code user[password]}) included. */
    Map<String, String> sessionForm(Map<String, String> extra) {
        return signed(extra, ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE),
                System.currentTimeMillis() / 1000);
    }

    /** The form signed with this nonce and timestamp. */
    Map<String, String> signed(Map<String, String> extra, int nonce, long timestamp) {
        Map<String, String> form = new TreeMap<>(extra);
        form.put("application_id", Long.toString(app.id()));
        form.put("auth_key", app.authKey());
        form.put("nonce", Integer.toString(nonce));
        form.put("timestamp", Long.toString(timestamp));
        String message = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&"));
        form.put("signature", hmacSha1(message));
        return form;
    }

    private String hmacSha1(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(app.authSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
    }
}
