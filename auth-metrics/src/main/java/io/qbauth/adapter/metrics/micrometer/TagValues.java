package io.qbauth.adapter.metrics.micrometer;

import io.qbauth.domain.AuthMethod;
import io.qbauth.domain.SessionKind;
import io.qbauth.event.AuthEvent.Operation;
import io.qbauth.event.AuthEvent.Outcome;
import io.qbauth.spi.TransportSupport;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The bounded tag values: every value comes from an enum, a fixed set, or a class name of the SDK. */
final class TagValues {

    static final String NONE = "none";
    static final String SUCCESS = "success";
    static final String FAILURE = "failure";
    static final String API_KEY = "api_key";
    static final String OTHER = "OTHER";
    static final String OTHER_EXCEPTION = "other";

    static final String UNKNOWN_NAME = "unknown";

    private static final Pattern BOUNDED_NAME = Pattern.compile("[A-Za-z0-9._-]{1,32}");
    private static final Set<String> HTTP_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE",
            "OPTIONS");

    private TagValues() {
    }

    /** {@code application}, {@code user}, or {@code none} for no session. */
    static String sessionKind(SessionKind kind) {
        if (kind == null) {
            return NONE;
        }
        return switch (kind) {
            case APPLICATION -> "application";
            case USER -> "user";
        };
    }

    /** {@code none} (application credentials only), {@code login}, {@code email}, {@code facebook}, ... */
    static String authMethod(AuthMethod method) {
        if (method == null) {
            return NONE;
        }
        return switch (method) {
            case APPLICATION -> NONE;
            case LOGIN -> "login";
            case EMAIL -> "email";
            case FACEBOOK -> "facebook";
            case FIREBASE_PHONE -> "firebase_phone";
            case CUSTOM_IDENTITY -> "custom";
            case TOKEN -> "token";
        };
    }

    /**
     * The {@code operation} tag: {@code create_session} (application or user), {@code sign_up} (with a session or
     * an API key), {@code api_call} ({@code execute}), else the operation in lower case.
     */
    static String operation(Operation operation) {
        return switch (operation) {
            case CREATE_APPLICATION_SESSION, CREATE_USER_SESSION -> "create_session";
            case SIGN_UP, SIGN_UP_WITH_API_KEY -> "sign_up";
            case EXECUTE -> "api_call";
            default -> lower(operation);
        };
    }

    /** The {@code auth.method} tag of an operation: {@value #API_KEY} for {@code signUpWithApiKey}. */
    static String authMethod(Operation operation, AuthMethod method) {
        return operation == Operation.SIGN_UP_WITH_API_KEY ? API_KEY : authMethod(method);
    }

    /** {@value #SUCCESS} or {@value #FAILURE}. */
    static String outcome(Outcome outcome) {
        return outcome == Outcome.SUCCESS ? SUCCESS : FAILURE;
    }

    /**
     * The {@code exception} tag of an operation: the simple name of the {@code AuthException} subtype its outcome
     * stands for, {@value #OTHER_EXCEPTION} for a failure of another type, {@value #NONE} on success.
     */
    static String exception(Outcome outcome) {
        return switch (outcome) {
            case SUCCESS -> NONE;
            case INVALID_INPUT -> "InvalidInputException";
            case CONFIGURATION -> "ConfigurationException";
            case CLIENT_CLOSED -> "ClientClosedException";
            case UNEXPECTED_FAILURE -> "UnexpectedFailureException";
            case INVALID_CREDENTIALS -> "InvalidCredentialsException";
            case APPLICATION_REJECTED -> "ApplicationRejectedException";
            case SESSION_EXPIRED -> "SessionExpiredException";
            case INSUFFICIENT_SESSION -> "InsufficientSessionException";
            case VALIDATION -> "ValidationException";
            case RATE_LIMITED -> "RateLimitedException";
            case REQUEST_REJECTED -> "RequestRejectedException";
            case SERVER -> "ServerException";
            case TRANSPORT -> "TransportException";
            case PROTOCOL -> "ProtocolException";
            case OTHER -> OTHER_EXCEPTION;
        };
    }

    /** A name (a transport's) if it is short and plain ({@code [A-Za-z0-9._-]{1,32}}), else {@value #UNKNOWN_NAME}. */
    static String boundedName(String name) {
        return name != null && BOUNDED_NAME.matcher(name).matches() ? name : UNKNOWN_NAME;
    }

    /** The HTTP method in upper case if it is a standard one, else {@value #OTHER}. */
    static String httpMethod(String method) {
        if (method == null) {
            return OTHER;
        }
        if (HTTP_METHODS.contains(method)) {
            return method;
        }
        String upper = method.toUpperCase(Locale.ROOT);
        return HTTP_METHODS.contains(upper) ? upper : OTHER;
    }

    /** An enum constant in lower case ({@code REJECTED_BY_SERVER} to {@code rejected_by_server}). */
    static String lower(Enum<?> value) {
        return value == null ? NONE : value.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The simple class name of a failure, once unwrapped from {@link java.util.concurrent.CompletionException}: for the SDK, one of the
     * sealed {@code AuthException} subtypes. {@code none} without a failure.
     */
    static String exception(Throwable failure) {
        Throwable cause = TransportSupport.unwrap(failure);
        if (cause == null) {
            return NONE;
        }
        String simpleName = cause.getClass().getSimpleName();
        return simpleName.isEmpty() ? cause.getClass().getName() : simpleName;
    }
}
