package io.qbauth.loadtest.driver;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * QuickBlox requests over a plain {@link HttpClient}: form bodies, the {@code QB-Token} header, a 2xx check, and the
 * expiry a reply announces ({@code QB-Token-ExpirationDate}, moved onto this machine's clock with the {@code Date}
 * header).
 */
final class RawHttp {

    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";

    private final HttpClient http;
    private final URI endpoint;
    private final Duration timeout;

    RawHttp(HttpClient http, URI endpoint, Duration timeout) {
        this.http = http;
        this.endpoint = endpoint;
        this.timeout = timeout;
    }

    /** A 2xx reply, or a stage failed with {@link RawHttpException}. */
    CompletableFuture<HttpResponse<byte[]>> send(String method, String path, String token, Map<String, String> form) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint + path))
                .timeout(timeout)
                .header("Accept", "application/json")
                .header("QuickBlox-REST-API-Version", "0.1.1");
        if (token != null) {
            request.header("QB-Token", token);
        }
        if (form == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", FORM).method(method, HttpRequest.BodyPublishers.ofString(encode(form)));
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray()).thenApply(response -> {
            if (response.statusCode() / 100 != 2) {
                throw new RawHttpException(method, path, response.statusCode(),
                        new String(response.body(), StandardCharsets.UTF_8));
            }
            return response;
        });
    }

    /** When the session of {@code response} expires, in this machine's time, if the reply says. */
    static Optional<Instant> expiry(HttpResponse<?> response, Instant receivedAt) {
        Optional<String> header = response.headers().firstValue("QB-Token-ExpirationDate");
        if (header.isEmpty() || header.get().length() < 19) {
            return Optional.empty();
        }
        try {
            Instant expires = LocalDateTime.parse(header.get().substring(0, 19), EXPIRY).toInstant(ZoneOffset.UTC);
            Instant serverNow = response.headers().firstValue("Date")
                    .map(date -> ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant())
                    .orElse(receivedAt);
            return Optional.of(receivedAt.plus(Duration.between(serverNow, expires)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
