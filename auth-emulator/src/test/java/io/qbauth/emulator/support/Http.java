package io.qbauth.emulator.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A blocking HTTP/1.1 test client on the JDK's HttpClient. */
public final class Http {

    public static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";
    public static final String JSON = "application/json";

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final URI base;

    public Http(URI base) {
        this.base = base;
    }

    public Reply get(String path, String... headers) {
        return send("GET", path, null, null, headers);
    }

    public Reply delete(String path, String... headers) {
        return send("DELETE", path, null, null, headers);
    }

    public Reply post(String path, String contentType, String body, String... headers) {
        return send("POST", path, contentType, body, headers);
    }

    public Reply put(String path, String contentType, String body, String... headers) {
        return send("PUT", path, contentType, body, headers);
    }

    /** @param headers name, value, name, value... */
    public Reply send(String method, String path, String contentType, String body, String... headers) {
        return sendBytes(method, path, contentType, body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                headers);
    }

    public Reply sendBytes(String method, String path, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(20))
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            var response = CLIENT.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
