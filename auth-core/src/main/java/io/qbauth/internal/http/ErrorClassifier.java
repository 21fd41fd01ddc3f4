package io.qbauth.internal.http;

import io.qbauth.domain.ApiRequest;
import io.qbauth.domain.ApplicationRejectedException;
import io.qbauth.domain.AuthException;
import io.qbauth.domain.ErrorDetails;
import io.qbauth.domain.InsufficientSessionException;
import io.qbauth.domain.InvalidCredentialsException;
import io.qbauth.domain.ProtocolException;
import io.qbauth.domain.UnexpectedFailureException;
import io.qbauth.domain.RateLimitedException;
import io.qbauth.domain.RequestRejectedException;
import io.qbauth.domain.ServerException;
import io.qbauth.domain.SessionExpiredException;
import io.qbauth.domain.SessionToken;
import io.qbauth.domain.ValidationException;
import io.qbauth.spi.JsonCodec;
import io.qbauth.domain.ApiResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Maps a non-2xx reply to the {@link AuthException} tree (wire protocol §6). Messages hold the method, the path, the
 * status and the QuickBlox messages, never a header value or a request body of the SDK's own; the server's messages
 * pass through the {@link Redactor} first (in the exception's message and its {@link ErrorDetails}), since a server
 * or a proxy may echo the request, credentials included.
 *
 * <table>
 *   <caption>Classification</caption>
 *   <tr><th>status</th><th>errors</th><th>exception</th></tr>
 *   <tr><td>401</td><td>{@code Required session does not exist}, {@code Token is required}</td>
 *       <td>{@link SessionExpiredException}</td></tr>
 *   <tr><td>401</td><td>other, on a call with {@code Authorization: ApiKey}</td>
 *       <td>{@link ApplicationRejectedException}</td></tr>
 *   <tr><td>401</td><td>other ({@code Unauthorized})</td><td>{@link InvalidCredentialsException}</td></tr>
 *   <tr><td>403</td><td>any</td><td>{@link InsufficientSessionException}</td></tr>
 *   <tr><td>422</td><td>{@code Unexpected signature}, {@code No application found}</td>
 *       <td>{@link ApplicationRejectedException}</td></tr>
 *   <tr><td>422</td><td>{@code Forbidden. Need user.}</td><td>{@link InsufficientSessionException}</td></tr>
 *   <tr><td>422</td><td>other</td><td>{@link ValidationException}</td></tr>
 *   <tr><td>401, 422</td><td>no QuickBlox error envelope</td><td>{@link ProtocolException}</td></tr>
 *   <tr><td>429</td><td>any</td><td>{@link RateLimitedException} with {@code Retry-After}</td></tr>
 *   <tr><td>other 4xx</td><td>any</td><td>{@link RequestRejectedException}</td></tr>
 *   <tr><td>5xx</td><td>any</td><td>{@link ServerException}</td></tr>
 *   <tr><td>1xx, 3xx</td><td>any</td><td>{@link ProtocolException}</td></tr>
 * </table>
 */
public final class ErrorClassifier {

    /** The one message that means the session is gone and may be re-created. */
    public static final String SESSION_GONE = "Required session does not exist";
    static final String TOKEN_REQUIRED = "Token is required";
    static final String UNEXPECTED_SIGNATURE = "unexpected signature";
    static final String NO_APPLICATION = "no application found";
    static final String NEED_USER = "Forbidden. Need user.";
    private static final int MAX_MESSAGE_DETAIL = 500;
    /** A {@code Retry-After} of more digits than a long holds. */
    private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(Long.MAX_VALUE);

    private final JsonCodec codec;
    private final Clock clock;
    private final Redactor redactor;

    public ErrorClassifier(JsonCodec codec, Clock clock, Redactor redactor) {
        this.codec = codec;
        this.clock = clock;
        this.redactor = redactor;
    }

    /** Whether the reply says the session does not exist: 401 with {@value #SESSION_GONE}. */
    public boolean isSessionGone(ApiResponse response) {
        return response.status() == 401 && errors(response).map(d -> d.contains(SESSION_GONE)).orElse(false);
    }

    /** The exception for a non-2xx reply to {@code request}, sent without a session token. */
    public AuthException classify(ApiRequest request, ApiResponse response) {
        return classify(request, response, null);
    }

    /** The exception for a non-2xx reply to {@code request}, sent with {@code token} (null for none). */
    public AuthException classify(ApiRequest request, ApiResponse response, SessionToken token) {
        int status = response.status();
        Optional<ErrorDetails> parsed = errors(response);
        ErrorDetails received = parsed.orElse(ErrorDetails.NONE);
        ErrorDetails details = redactor.redact(received, request, token);
        String message = request.method() + " " + request.path() + " failed with HTTP " + status + summary(details);
        if (status >= 500) {
            return new ServerException(message, status, details);
        }
        if (status == 429) {
            Optional<Duration> retryAfter = retryAfter(response);
            return new RateLimitedException(message + retryAfter.map(d -> " (Retry-After: " + d.toSeconds() + " s)")
                    .orElse(""), status, details, retryAfter.orElse(null));
        }
        if (status == 403) {
            return new InsufficientSessionException(message, status, details);
        }
        if ((status == 401 || status == 422) && parsed.isEmpty()) {
            return new ProtocolException(message + " and a body that is not a QuickBlox error envelope", status,
                    details);
        }
        if (status == 401) {
            if (received.contains(SESSION_GONE) || received.contains(TOKEN_REQUIRED)) {
                return new SessionExpiredException(message, status, details);
            }
            if (request.headers().containsKey("Authorization")) {
                return new ApplicationRejectedException(message, status, details);
            }
            return new InvalidCredentialsException(message, status, details);
        }
        if (status == 422) {
            if (mentions(received, UNEXPECTED_SIGNATURE) || mentions(received, NO_APPLICATION)) {
                return new ApplicationRejectedException(message, status, details);
            }
            if (received.contains(NEED_USER)) {
                return new InsufficientSessionException(message, status, details);
            }
            return new ValidationException(message, status, details);
        }
        if (status >= 400) {
            return new RequestRejectedException(message, status, details);
        }
        return new ProtocolException(message, status, details);
    }

    /**
     * The codec's reading of a successful reply to {@code request}, sent with {@code token} (null for none): a
     * {@link ProtocolException} it throws (which may quote the reply) comes back with the reply's text
     * {@linkplain Redactor redacted}.
     */
    public <T> T read(ApiRequest request, SessionToken token, Supplier<T> codecRead) {
        try {
            return codecRead.get();
        } catch (ProtocolException e) {
            String message = redactor.redact(e.getMessage(), request, token);
            if (message == null || message.equals(e.getMessage())) {
                throw e;
            }
            throw new ProtocolException(message, e.status(), redactor.redact(e.details(), request, token),
                    e.getCause());
        } catch (AuthException e) {
            throw e;
        } catch (Throwable e) { // a pluggable codec may throw anything: say that it did, and keep the cause
            throw new UnexpectedFailureException("the JSON codec " + codec.getClass().getSimpleName() + " threw " + e.getClass().getName()
                    + " reading the reply to " + request.method() + " " + request.path(), e);
        }
    }

    private Optional<ErrorDetails> errors(ApiResponse response) {
        if (response.bodyLength() == 0) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(codec.readErrors(response.body(), response.status()));
        } catch (Throwable notAnEnvelope) { // a pluggable codec may throw anything: the reply is then untyped
            return Optional.empty();
        }
    }

    private static boolean mentions(ErrorDetails details, String lowerCaseText) {
        return details.messages().stream().anyMatch(m -> m.toLowerCase(Locale.ROOT).equals(lowerCaseText));
    }

    private static String summary(ErrorDetails details) {
        String text = String.join("; ", details.describe());
        if (text.isEmpty()) {
            return "";
        }
        return ": " + (text.length() > MAX_MESSAGE_DETAIL ? text.substring(0, MAX_MESSAGE_DETAIL) + "..." : text);
    }

    private Optional<Duration> retryAfter(ApiResponse response) {
        return response.header("Retry-After").map(String::trim).flatMap(value -> {
            if (!value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
                // the server's value as sent, however large; the client caps what it waits (RefreshPolicy)
                return Optional.of(value.length() > 18 ? MAX_RETRY_AFTER : Duration.ofSeconds(Long.parseLong(value)));
            }
            return ExpiryHeaders.parseHttpDate(value)
                    .map(at -> Duration.ofMillis(Math.max(0, at - clock.millis())));
        });
    }
}
