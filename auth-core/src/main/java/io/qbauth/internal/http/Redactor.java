package io.qbauth.internal.http;

import io.qbauth.config.QbAuthConfig;
import io.qbauth.domain.ApiRequest;
import io.qbauth.domain.ErrorDetails;
import io.qbauth.domain.SessionToken;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes secrets out of text that came from a server before it reaches an exception message or its details: a server
 * (or a proxy in front of it) may echo the request, and the request holds the password, the signature, the session
 * token or the API key. Two layers:
 * <ol>
 *   <li>every known secret, verbatim and percent-encoded: the configured auth key, auth secret, account key and API
 *       key, and the call's own credentials (the values of its {@code QB-Token} and {@code Authorization} headers and
 *       of every credential-bearing field of its body);</li>
 *   <li>any {@code name=value} or {@code "name": "value"} whose name looks like a credential ({@code password},
 *       {@code token}, {@code secret}, {@code signature}, {@code key}, {@code nonce}), whatever its value.</li>
 * </ol>
 * Values shorter than {@value #MIN_SECRET_LENGTH} characters (QuickBlox's shortest password) are left to the second
 * layer: masking every {@code short} in "is too short" would make the message useless.
 */
public final class Redactor {

    /** What replaces a secret. */
    public static final String MASK = "[redacted]";
    static final int MIN_SECRET_LENGTH = 8;

    private static final String CREDENTIAL_NAME = "[A-Za-z_\\[\\]]*(?:password|token|secret|signature|key|nonce)"
            + "[A-Za-z_\\]]*";
    private static final Pattern CREDENTIAL_FIELD = Pattern.compile("(?i)(" + CREDENTIAL_NAME
            + "[\"']?\\s*[:=]\\s*[\"']?)([^&\"'\\s,;}\\]]+)");
    private static final Pattern JSON_CREDENTIAL = Pattern.compile("(?i)\"" + CREDENTIAL_NAME
            + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern SENSITIVE_FORM_NAME = Pattern.compile("(?i).*(password|token|secret|signature|key"
            + "|nonce).*");
    private static final Set<String> SENSITIVE_HEADERS = Set.of("qb-token", "authorization");

    private final List<String> configured;

    /** A redactor that knows the secrets of {@code config}. */
    public Redactor(QbAuthConfig config) {
        Set<String> secrets = new LinkedHashSet<>();
        secrets.add(config.authKey());
        secrets.add(config.authSecret());
        config.accountKey().ifPresent(secrets::add);
        config.apiKey().ifPresent(secrets::add);
        this.configured = List.copyOf(secrets);
    }

    /**
     * {@code text} without any secret of the configuration, of {@code request} (null for none) or the session
     * {@code token} it was sent with (null for none: the SDK adds the token below {@link ApiRequest}).
     */
    public String redact(String text, ApiRequest request, SessionToken token) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : secretsOf(request, token)) {
            out = out.replace(secret, MASK);
        }
        Matcher matcher = CREDENTIAL_FIELD.matcher(out);
        return matcher.find() ? matcher.replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK)) : out;
    }

    /** {@code details} with every message and field message redacted as the text above. */
    public ErrorDetails redact(ErrorDetails details, ApiRequest request, SessionToken token) {
        if (details.messages().isEmpty() && details.fieldErrors().isEmpty()) {
            return details;
        }
        List<String> messages = new ArrayList<>();
        details.messages().forEach(message -> messages.add(redact(message, request, token)));
        Map<String, List<String>> fields = new LinkedHashMap<>();
        details.fieldErrors().forEach((field, list) -> fields.put(redact(field, request, token),
                list.stream().map(message -> redact(message, request, token)).toList()));
        return new ErrorDetails(messages, fields);
    }

    /** The secrets to look for, longest first (so a secret containing another is masked whole). */
    private List<String> secretsOf(ApiRequest request, SessionToken token) {
        Set<String> secrets = new LinkedHashSet<>(configured);
        if (token != null) {
            secrets.add(token.value());
        }
        if (request != null) {
            request.headers().forEach((name, values) -> {
                if (SENSITIVE_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(value -> {
                        secrets.add(value);
                        int space = value.indexOf(' ');
                        if (space > 0) {
                            secrets.add(value.substring(space + 1).trim()); // "ApiKey x", "Bearer x"
                        }
                    });
                }
            });
            bodySecrets(request, secrets);
        }
        List<String> all = new ArrayList<>();
        for (String secret : secrets) {
            if (secret != null && secret.length() >= MIN_SECRET_LENGTH) {
                all.add(secret);
                String encoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
                if (!encoded.equals(secret)) {
                    all.add(encoded);
                    all.add(encoded.replace("+", "%20"));
                }
            }
        }
        all.sort(Comparator.comparingInt(String::length).reversed());
        return all;
    }

    private static void bodySecrets(ApiRequest request, Set<String> secrets) {
        byte[] body = request.body();
        if (body.length == 0) {
            return;
        }
        String text = new String(body, StandardCharsets.UTF_8);
        String type = request.contentType().orElse("").toLowerCase(Locale.ROOT);
        if (type.startsWith("application/x-www-form-urlencoded")) {
            for (String pair : text.split("&")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    continue;
                }
                String name = decode(pair.substring(0, eq));
                if (SENSITIVE_FORM_NAME.matcher(name).matches()) {
                    secrets.add(pair.substring(eq + 1));
                    secrets.add(decode(pair.substring(eq + 1)));
                }
            }
        } else {
            Matcher json = JSON_CREDENTIAL.matcher(text);
            while (json.find()) {
                secrets.add(json.group(1));
            }
        }
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }
}
