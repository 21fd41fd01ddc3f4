package io.qbauth.adapter.metrics.micrometer;

import io.qbauth.domain.AuthMethod;
import io.qbauth.domain.SessionKind;
import io.qbauth.spi.TransportSupport;
import java.util.Locale;
import java.util.Set;

/** The bounded tag values: every value comes from an enum, a fixed set, or a class name of the SDK. */
final class TagValues {

    static final String NONE = "none";
    static final String SUCCESS = "success";
    static final String FAILURE = "failure";
    static final String API_KEY = "api_key";
    static final String OTHER = "OTHER";

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
