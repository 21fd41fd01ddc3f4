package io.qbauth.domain;

/**
 * The application credentials were rejected: unknown application id, wrong auth key or secret (422 {@code Unexpected signature}, {@code No application found}), or a rejected API key. Never retried.
 */
public final class ApplicationRejectedException extends AuthException {

    private static final long serialVersionUID = 1L;

    public ApplicationRejectedException(String message, int status, ErrorDetails details) {
        super(message, status, details, null);
    }

    public ApplicationRejectedException(String message, int status, ErrorDetails details, Throwable cause) {
        super(message, status, details, cause);
    }
}
