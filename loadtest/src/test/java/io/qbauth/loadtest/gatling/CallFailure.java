package io.qbauth.loadtest.gatling;

import io.qbauth.domain.AuthException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * How a failed call shows in Gatling's report: a response code (the HTTP status when there is one, else the
 * exception's simple name) and a short message (never a token or a password: the SDK's exceptions carry none).
 *
 * @param code    the response code column
 * @param message the error message column, at most {@link #MAX_MESSAGE_LENGTH} characters
 */
record CallFailure(String code, String message) {

    /** Gatling groups errors by message; long messages only make the report unreadable. */
    static final int MAX_MESSAGE_LENGTH = 200;

    static CallFailure of(Throwable failure) {
        Throwable cause = unwrap(failure);
        String code = switch (cause) {
            case AuthException auth when auth.status() > 0 -> Integer.toString(auth.status());
            case HttpStatusFailure http -> Integer.toString(http.status());
            default -> cause.getClass().getSimpleName();
        };
        String message = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return new CallFailure(code,
                message.length() > MAX_MESSAGE_LENGTH ? message.substring(0, MAX_MESSAGE_LENGTH) : message);
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
