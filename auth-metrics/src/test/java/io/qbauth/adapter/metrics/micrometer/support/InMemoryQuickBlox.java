package io.qbauth.adapter.metrics.micrometer.support;

import io.qbauth.spi.AuthTransport;
import io.qbauth.spi.TransportRequest;
import io.qbauth.domain.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A canned QuickBlox in memory, for fast and exact tests of the decorators: it answers at once, checks no signature,
 * and fails a login or a user session whose password is {@link #WRONG_PASSWORD}. {@link #rejectNextCalls(int)} makes
 * the next authenticated calls (other than the session and login endpoints) answer that the session is gone.
 */
public final class InMemoryQuickBlox implements AuthTransport {

    public static final String WRONG_PASSWORD = "wrong-password";
    public static final long USER_ID = 4242;

    private static final Map<String, List<String>> JSON = Map.of("Content-Type", List.of("application/json"));
    private static final String GONE = "{\"errors\":{\"base\":[\"Required session does not exist\"]}}";
    private static final String UNAUTHORIZED = "{\"errors\":[\"Unauthorized\"]}";

    private final AtomicLong tokens = new AtomicLong();
    private final AtomicInteger rejections = new AtomicInteger();
    private final AtomicInteger closes = new AtomicInteger();

    /** The next {@code calls} authenticated calls answer 401 "Required session does not exist". */
    public void rejectNextCalls(int calls) {
        rejections.set(calls);
    }

    /** How many times {@link #close()} was called. */
    public int closes() {
        return closes.get();
    }

    @Override
    public CompletionStage<ApiResponse> execute(TransportRequest request) {
        return CompletableFuture.completedFuture(answer(request.method() + " " + request.uri().getPath(),
                new String(request.body(), StandardCharsets.UTF_8)));
    }

    @Override
    public String name() {
        return "in-memory";
    }

    @Override
    public void close() {
        closes.incrementAndGet();
    }

    private ApiResponse answer(String call, String body) {
        boolean wrongPassword = body.contains(WRONG_PASSWORD);
        return switch (call) {
            case "POST /session.json" -> {
                if (wrongPassword) {
                    yield reply(401, UNAUTHORIZED);
                }
                yield reply(201, session(body.contains("user%5B") || body.contains("user[") ? USER_ID : 0));
            }
            case "GET /session.json" -> reply(200, session(0));
            case "POST /login.json" -> wrongPassword ? reply(401, UNAUTHORIZED)
                    : reply(202, "{\"user\":{\"id\":" + USER_ID + ",\"login\":\"someone\"}}");
            case "DELETE /login.json", "DELETE /session.json" -> reply(200, "{}");
            case "POST /users.json" -> reply(201, "{\"user\":{\"id\":" + (USER_ID + 1) + "}}");
            default -> rejections.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? reply(401, GONE) : reply(200, "{}");
        };
    }

    private String session(long userId) {
        return "{\"session\":{\"id\":" + tokens.incrementAndGet() + ",\"application_id\":1,\"user_id\":" + userId
                + ",\"token\":\"token" + tokens.get() + "\"}}";
    }

    private static ApiResponse reply(int status, String body) {
        return new ApiResponse(status, JSON, body.getBytes(StandardCharsets.UTF_8));
    }
}
