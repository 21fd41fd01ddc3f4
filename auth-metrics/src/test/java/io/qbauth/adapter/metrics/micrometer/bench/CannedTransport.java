package io.qbauth.adapter.metrics.micrometer.bench;

import io.qbauth.spi.AuthTransport;
import io.qbauth.spi.TransportRequest;
import io.qbauth.domain.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A transport that answers at once: a session for {@code POST /session.json}, the same canned 200 for anything else.
 * It isolates the cost of the SDK and of the decorators from any I/O.
 */
final class CannedTransport implements AuthTransport {

    private static final Map<String, List<String>> JSON = Map.of("Content-Type", List.of("application/json"));
    private static final CompletableFuture<ApiResponse> SESSION = CompletableFuture.completedFuture(
            new ApiResponse(201, JSON, ("{\"session\":{\"id\":1,\"application_id\":1,\"user_id\":0,"
                    + "\"token\":\"" + "0".repeat(40) + "\"}}").getBytes(StandardCharsets.UTF_8)));
    private static final CompletableFuture<ApiResponse> OK = CompletableFuture.completedFuture(
            new ApiResponse(200, JSON, "{\"user\":{\"id\":42}}".getBytes(StandardCharsets.UTF_8)));

    @Override
    public CompletionStage<ApiResponse> execute(TransportRequest request) {
        return request.method().equals("POST") && request.uri().getPath().equals("/session.json") ? SESSION : OK;
    }

    @Override
    public String name() {
        return "canned";
    }
}
