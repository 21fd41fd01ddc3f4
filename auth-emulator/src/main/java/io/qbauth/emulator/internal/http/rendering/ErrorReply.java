package io.qbauth.emulator.internal.http.rendering;

import java.util.List;
import java.util.Map;

/**
 * An error reply in QuickBlox's envelope: {@code {"errors":[...]}} or {@code {"errors":{"field":[...]}}}.
 *
 * @param status HTTP status
 * @param body the JSON body
 * @param reportsExpiry whether the reply may carry {@code QB-Token-ExpirationDate} (false when there is no live
 *     session to report on)
 */
public record ErrorReply(int status, String body, boolean reportsExpiry) {

    public static final ErrorReply TOKEN_REQUIRED = list(401, "Token is required").withoutExpiry();
    public static final ErrorReply SESSION_NOT_FOUND = base(401, "Required session does not exist").withoutExpiry();
    public static final ErrorReply UNAUTHORIZED = list(401, "Unauthorized");
    public static final ErrorReply ACCOUNT_KEY_REJECTED = list(401, "Unauthorized").withoutExpiry();
    public static final ErrorReply INVALID_API_KEY = base(401, "Invalid API key");
    public static final ErrorReply FORBIDDEN_NEED_USER = base(403, "Forbidden. Need user.");
    public static final ErrorReply FORBIDDEN_OTHER_USER = base(403, "Forbidden. Not your user.");
    public static final ErrorReply USER_NOT_FOUND = base(404, "User not found");
    public static final ErrorReply NO_APPLICATION = base(422, "No application found");
    public static final ErrorReply UNEXPECTED_SIGNATURE = base(422, "Unexpected signature");
    public static final ErrorReply TIMESTAMP_OUTSIDE_WINDOW = base(422, "Timestamp is outside the allowed window");
    public static final ErrorReply NONCE_ALREADY_USED = base(422, "Nonce has already been used");
    public static final ErrorReply BAD_ON_BEHALF_OF = base(422, "On-Behalf-Of must be a user id");
    public static final ErrorReply TOO_MANY_SESSIONS = base(429, "Too many sessions for this application");
    /** The body of a rate-limit refusal (fault modes). */
    public static final ErrorReply TOO_MANY_REQUESTS = list(429, "Too Many Requests");
    public static final ErrorReply BAD_REQUEST = list(400, "Bad Request");
    public static final ErrorReply NOT_FOUND = list(404, "Not Found");
    public static final ErrorReply METHOD_NOT_ALLOWED = list(405, "Method Not Allowed");
    public static final ErrorReply PAYLOAD_TOO_LARGE = list(413, "Request Entity Too Large");
    public static final ErrorReply URI_TOO_LONG = list(414, "Request-URI Too Long");
    public static final ErrorReply UNSUPPORTED_MEDIA_TYPE = list(415, "Unsupported Media Type");
    public static final ErrorReply EXPECTATION_FAILED = list(417, "Expectation Failed");
    public static final ErrorReply HEADERS_TOO_LARGE = list(431, "Request Header Fields Too Large");

    /** {@code {"errors":["message"]}}. */
    public static ErrorReply list(int status, String message) {
        return new ErrorReply(status, new JsonWriter(32 + message.length())
                .beginObject().name("errors").beginArray().value(message).endArray().endObject().toString(), true);
    }

    /** {@code {"errors":{"base":["message"]}}}. */
    public static ErrorReply base(int status, String message) {
        return fields(status, Map.of("base", List.of(message)));
    }

    /** {@code {"errors":{"field":["message", ...], ...}}}, fields in map order. */
    public static ErrorReply fields(int status, Map<String, List<String>> errors) {
        JsonWriter json = new JsonWriter(64).beginObject().name("errors").beginObject();
        errors.forEach((field, messages) -> {
            json.name(field).beginArray();
            messages.forEach(json::value);
            json.endArray();
        });
        return new ErrorReply(status, json.endObject().endObject().toString(), true);
    }

    /** The canonical reply for a bare 4xx status (from Vert.x itself, e.g. a body over the limit). */
    public static ErrorReply forStatus(int status) {
        return switch (status) {
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 414 -> URI_TOO_LONG;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 417 -> EXPECTATION_FAILED;
            case 431 -> HEADERS_TOO_LARGE;
            default -> BAD_REQUEST;
        };
    }

    /** This reply as an exception, for throwing out of a handler. */
    public ApiException exception() {
        return new ApiException(this);
    }

    /** This reply, never carrying {@code QB-Token-ExpirationDate}. */
    public ErrorReply withoutExpiry() {
        return new ErrorReply(status, body, false);
    }
}
