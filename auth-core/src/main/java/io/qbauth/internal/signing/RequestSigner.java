package io.qbauth.internal.signing;

import io.qbauth.config.QbAuthConfig;
import io.qbauth.config.SignatureAlgorithm;
import io.qbauth.domain.ConfigurationException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs {@code POST /session.json} (wire protocol §3.1): every parameter except {@code signature} as
 * {@code name=value} with raw values, sorted by UTF-16 code units, joined with {@code &}, HMAC'd with the auth secret
 * and written as lowercase hex. Nested parameters are already flat ({@code user[login]}). Thread-safe.
 */
public final class RequestSigner {

    private final long applicationId;
    private final String authKey;
    private final SignatureAlgorithm algorithm;
    private final KeyedMac mac;
    private final Clock clock;
    private final IntSupplier nonces;

    RequestSigner(long applicationId, String authKey, String authSecret, SignatureAlgorithm algorithm, Clock clock,
                  IntSupplier nonces) {
        this.applicationId = applicationId;
        this.authKey = authKey;
        this.algorithm = algorithm;
        SecretKeySpec key = new SecretKeySpec(authSecret.getBytes(StandardCharsets.UTF_8), algorithm.jcaName());
        try {
            this.mac = new KeyedMac(() -> Mac.getInstance(algorithm.jcaName()), key);
        } catch (GeneralSecurityException e) {
            throw cannotCompute(algorithm, e);
        }
        this.clock = clock;
        this.nonces = nonces;
    }

    /**
     * A signer for the config's application, with nonces from the process's {@link NonceSequence} (never the same
     * twice in this process) and time from its clock.
     *
     * @throws ConfigurationException when this JVM cannot compute the config's signature algorithm
     */
    public static RequestSigner of(QbAuthConfig config) {
        return new RequestSigner(config.applicationId(), config.authKey(), config.authSecret(),
                config.signatureAlgorithm(), config.clock(), NonceSequence.PROCESS);
    }

    /**
     * The complete create-session form: {@code application_id}, {@code auth_key}, {@code nonce}, {@code timestamp},
     * the given credential parameters and {@code signature}, sorted by name.
     */
    public Map<String, String> signedSessionForm(Map<String, String> credentialParams) {
        Map<String, String> form = new TreeMap<>(credentialParams);
        form.put("application_id", Long.toString(applicationId));
        form.put("auth_key", authKey);
        form.put("nonce", Integer.toString(nonces.getAsInt()));
        form.put("timestamp", Long.toString(Math.floorDiv(clock.millis(), 1000L)));
        form.put("signature", sign(form));
        return form;
    }

    /** The lowercase-hex HMAC of {@link #stringToSign(Map)}. */
    public String sign(Map<String, String> params) {
        try {
            return HexFormat.of().formatHex(mac.mac(stringToSign(params).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw cannotCompute(algorithm, e);
        }
    }

    private static ConfigurationException cannotCompute(SignatureAlgorithm algorithm, GeneralSecurityException e) {
        return new ConfigurationException("this JVM cannot compute " + algorithm.jcaName(), e);
    }

    /** {@code name=value} of every parameter except {@code signature}, sorted, joined with {@code &}. */
    public static String stringToSign(Map<String, String> params) {
        List<String> pairs = new ArrayList<>(params.size());
        params.forEach((name, value) -> {
            if (!name.equals("signature")) {
                pairs.add(name + "=" + value);
            }
        });
        pairs.sort(null);
        return String.join("&", pairs);
    }
}
