package io.qbauth.e2e.secrets;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects everything the SDK showed (texts by source) and finds any secret in it, raw or in the encodings it travels
 * in (form-encoded, JSON-escaped).
 */
final class SecretScanner {

    /** One secret found somewhere it must not be. */
    record Leak(String secret, String source, String excerpt) {
    }

    private final Map<String, String> secrets = new LinkedHashMap<>();
    private final List<Map.Entry<String, String>> texts = new ArrayList<>();

    /** A secret to look for; {@code name} says which (never printed with its value in a passing run). */
    void secret(String name, String value) {
        secrets.put(name, value);
    }

    /** Something the SDK showed, e.g. a {@code toString()} or a log record. */
    void text(String source, Object shown) {
        texts.add(Map.entry(source, String.valueOf(shown)));
    }

    /** A throwable as a stack trace shows it: messages of the whole chain, causes and suppressed included. */
    void throwable(String source, Throwable thrown) {
        StringWriter trace = new StringWriter();
        thrown.printStackTrace(new PrintWriter(trace));
        text(source, trace);
    }

    int textCount() {
        return texts.size();
    }

    List<Leak> leaks() {
        List<Leak> leaks = new ArrayList<>();
        for (Map.Entry<String, String> text : texts) {
            secrets.forEach((name, value) -> {
                for (String form : forms(value)) {
                    int at = text.getValue().indexOf(form);
                    if (at >= 0) {
                        leaks.add(new Leak(name, text.getKey(), excerpt(text.getValue(), at, form.length())));
                        return;
                    }
                }
            });
        }
        return leaks;
    }

    private static Set<String> forms(String value) {
        String formEncoded = URLEncoder.encode(value, StandardCharsets.UTF_8);
        return new LinkedHashSet<>(List.of(value, formEncoded, formEncoded.replace("+", "%20"),
                value.replace("\\", "\\\\").replace("\"", "\\\"").replace("/", "\\/")));
    }

    private static String excerpt(String text, int at, int length) {
        int from = Math.max(0, at - 60);
        int to = Math.min(text.length(), at + length + 60);
        return text.substring(from, to).replace('\n', ' ');
    }
}
