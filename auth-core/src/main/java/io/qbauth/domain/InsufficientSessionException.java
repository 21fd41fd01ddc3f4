package io.qbauth.domain;

/**
 * The call needs a user session but ran with an application session (403 {@code Forbidden. Need user.}).
 */
public final class InsufficientSessionException extends AuthException {

    private static final long serialVersionUID = 1L;

    public InsufficientSessionException(String message, int status, ErrorDetails details) {
        super(message, status, details, null);
    }

    public InsufficientSessionException(String message, int status, ErrorDetails details, Throwable cause) {
        super(message, status, details, cause);
    }
}
