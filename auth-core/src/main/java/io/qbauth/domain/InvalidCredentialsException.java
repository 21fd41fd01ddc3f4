package io.qbauth.domain;

/**
 * The user credentials were rejected (401 {@code Unauthorized} on session create or login). Never retried.
 */
public final class InvalidCredentialsException extends AuthException {

    private static final long serialVersionUID = 1L;

    public InvalidCredentialsException(String message, int status, ErrorDetails details) {
        super(message, status, details, null);
    }

    public InvalidCredentialsException(String message, int status, ErrorDetails details, Throwable cause) {
        super(message, status, details, cause);
    }
}
