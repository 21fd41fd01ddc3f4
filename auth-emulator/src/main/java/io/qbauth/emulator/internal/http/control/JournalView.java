package io.qbauth.emulator.internal.http.control;

import io.qbauth.emulator.internal.http.journal.RequestJournal;
import io.qbauth.emulator.internal.http.rendering.JsonWriter;
import io.qbauth.emulator.internal.http.rendering.UtcTimestamps;
import io.qbauth.emulator.internal.params.FormDecoder;
import io.qbauth.emulator.internal.params.MalformedRequestException;
import io.qbauth.emulator.internal.params.RequestParams;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders the request journal as JSON with every credential masked: header values of {@code Authorization} (the
 * scheme is kept: {@code ApiKey ***}), {@code QB-Token}, {@code Cookie}, {@code X-Emulator-Token} and any header whose
 * name mentions a token, secret, key, password, signature or session; and the value of every query, form or JSON
 * parameter whose name (or the inner name of {@code outer[inner]}) mentions the same, e.g. {@code password},
 * {@code user[password]}, {@code signature}, {@code auth_key}, {@code keys[token]}, {@code keys[secret]},
 * {@code firebase_phone[access_token]}. Bodies are never shown raw: only their decoded parameters, or their size
 * when they could not be decoded.
 */
final class JournalView {

    static final String MASK = "***";
    private static final List<String> SECRET_WORDS =
            List.of("password", "secret", "token", "key", "signature", "session", "cookie", "authorization");

    private JournalView() {
    }

    static String render(List<RequestJournal.Entry> entries, int capacity) {
        JsonWriter json = new JsonWriter(256 + entries.size() * 512).beginObject()
                .name("capacity").value(capacity)
                .name("requests").beginArray();
        for (RequestJournal.Entry entry : entries) {
            entry(json, entry);
        }
        return json.endArray().endObject().toString();
    }

    private static void entry(JsonWriter json, RequestJournal.Entry entry) {
        String uri = entry.uri();
        int question = uri.indexOf('?');
        String path = question < 0 ? uri : uri.substring(0, question);
        json.beginObject()
                .name("received_at").value(UtcTimestamps.bodyDateTime(entry.receivedAt()))
                .name("method").value(entry.method())
                .name("path").value(path);
        json.name("query");
        params(json, question < 0 ? Map.of() : query(uri.substring(question + 1)));
        json.name("headers").beginObject();
        Map<String, String> headers = new LinkedHashMap<>();
        entry.headers().forEach(header -> headers.merge(header.getKey(), header.getValue(), (a, b) -> a + ", " + b));
        headers.forEach((name, value) -> json.name(name).value(maskHeader(name, value)));
        json.endObject();
        RequestParams params = entry.params();
        if (params != null) {
            json.name("params");
            params(json, new TreeMap<>(params.asMap()));
        }
        if (entry.bodyBytes() >= 0) {
            json.name("body_bytes").value(entry.bodyBytes());
        }
        if (entry.status() > 0) {
            json.name("status").value(entry.status());
        }
        json.endObject();
    }

    private static void params(JsonWriter json, Map<String, String> params) {
        json.beginObject();
        params.forEach((name, value) -> json.name(name).value(isSecretName(name) ? MASK : value));
        json.endObject();
    }

    private static Map<String, String> query(String query) {
        try {
            return new TreeMap<>(FormDecoder.decode(query.getBytes(StandardCharsets.ISO_8859_1)).asMap());
        } catch (MalformedRequestException | IllegalArgumentException undecodable) {
            return Map.of("(undecodable query)", MASK);
        }
    }

    static String maskHeader(String name, String value) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("authorization") || lower.equals("proxy-authorization")) {
            int space = value.indexOf(' ');
            return space > 0 ? value.substring(0, space) + ' ' + MASK : MASK;
        }
        return isSecretName(lower) ? MASK : value;
    }

    static boolean isSecretName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String word : SECRET_WORDS) {
            if (lower.contains(word)) {
                return true;
            }
        }
        return false;
    }
}
