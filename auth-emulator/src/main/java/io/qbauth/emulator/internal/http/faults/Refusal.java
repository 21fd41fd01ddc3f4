package io.qbauth.emulator.internal.http.faults;

import io.qbauth.emulator.Fault;
import io.qbauth.emulator.internal.http.rendering.ErrorReply;
import java.time.Duration;
import java.util.Map;

/**
 * The reply a refusal fault sends instead of the endpoint's.
 *
 * @param status HTTP status
 * @param contentType {@code Content-Type}, or null when {@code headers} carry it
 * @param headers extra headers ({@code Retry-After}, or a custom reply's)
 * @param body the body
 */
record Refusal(int status, String contentType, Map<String, String> headers, String body) {

    private static final String JSON = "application/json; charset=utf-8";
    /** What nginx answers when its upstream is down. */
    static final String BAD_GATEWAY_PAGE = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
            + "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

    static Refusal of(Fault fault) {
        return switch (fault.kind()) {
            case SERVER_ERROR -> json(500, ErrorReply.list(500, "Internal Server Error").body(), Map.of());
            case UNAVAILABLE -> json(503, ErrorReply.list(503, "Service Unavailable").body(), retryAfter(fault));
            case RATE_LIMITED -> json(429, ErrorReply.TOO_MANY_REQUESTS.body(), retryAfter(fault));
            case HTML_ERROR_PAGE -> new Refusal(502, "text/html", Map.of(), BAD_GATEWAY_PAGE);
            case CUSTOM_REPLY -> new Refusal(fault.status(), null, fault.headers(), fault.body());
            default -> throw new IllegalArgumentException(fault.kind() + " does not refuse requests");
        };
    }

    private static Refusal json(int status, String body, Map<String, String> headers) {
        return new Refusal(status, JSON, headers, body);
    }

    /** {@code Retry-After} in whole seconds, rounded up. */
    private static Map<String, String> retryAfter(Fault fault) {
        return fault.retryAfter()
                .map(wait -> Map.of("Retry-After", Long.toString(ceilSeconds(wait))))
                .orElse(Map.of());
    }

    private static long ceilSeconds(Duration wait) {
        long seconds = wait.toSeconds();
        return wait.equals(Duration.ofSeconds(seconds)) ? seconds : seconds + 1;
    }
}
