package io.qbauth.domain;

/**
 * The server refused the request's content (422 with field-keyed messages, e.g. {@code login -> has already been taken}); see {@link #fieldErrors()}.
 */
public final class ValidationException extends AuthException {

    private static final long serialVersionUID = 1L;

    public ValidationException(String message, int status, ErrorDetails details) {
        super(message, status, details, null);
    }

    public ValidationException(String message, int status, ErrorDetails details, Throwable cause) {
        super(message, status, details, cause);
    }
}
