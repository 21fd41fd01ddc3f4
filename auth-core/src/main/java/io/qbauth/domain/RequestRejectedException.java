package io.qbauth.domain;

/**
 * Any other 4xx reply the SDK has no more specific type for (400, 404, 405, 413, ...).
 */
public final class RequestRejectedException extends AuthException {

    private static final long serialVersionUID = 1L;

    public RequestRejectedException(String message, int status, ErrorDetails details) {
        super(message, status, details, null);
    }

    public RequestRejectedException(String message, int status, ErrorDetails details, Throwable cause) {
        super(message, status, details, cause);
    }
}
