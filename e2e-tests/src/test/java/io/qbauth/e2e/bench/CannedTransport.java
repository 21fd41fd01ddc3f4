package io.qbauth.e2e.bench;

import io.qbauth.spi.AuthTransport;
import io.qbauth.spi.TransportRequest;
import io.qbauth.domain.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * An in-memory QuickBlox for measuring the SDK alone: {@code POST /session.json} answers a new application session
 * valid for two hours, everything else {@code 200 {}}; each reply is already complete when returned.
 */
final class CannedTransport implements AuthTransport {

    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final CompletableFuture<ApiResponse> ok;
    private final Map<String, List<String>> headers;
    private long sessions;

    CannedTransport() {
        headers = Map.of("Content-Type", List.of("application/json; charset=utf-8"), "QB-Token-ExpirationDate",
                List.of(EXPIRY.format(Instant.now().plus(Duration.ofHours(2)))));
        ok = CompletableFuture.completedFuture(new ApiResponse(200, headers,
                "{}".getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public CompletionStage<ApiResponse> execute(TransportRequest request) {
        if (request.method().equals("POST") && request.uri().getPath().equals("/session.json")) {
            boolean user = new String(request.body(), StandardCharsets.UTF_8).matches("(?s).*user(%5B|\\[).*");
            return CompletableFuture.completedFuture(new ApiResponse(201, headers, session(user)));
        }
        return ok;
    }

    /** A new session: a user session (user id = session id) when the request carried user credentials. */
    private synchronized byte[] session(boolean user) {
        long id = ++sessions;
        String now = Instant.now().toString();
        return ("{\"session\":{\"application_id\":12345,\"created_at\":\"" + now + "\",\"id\":" + id
                + ",\"nonce\":1,\"token\":\"" + String.format("%040x", id) + "\",\"ts\":1,\"updated_at\":\"" + now
                + "\",\"user_id\":" + (user ? id : 0) + "}}").getBytes(StandardCharsets.UTF_8);
    }
}
