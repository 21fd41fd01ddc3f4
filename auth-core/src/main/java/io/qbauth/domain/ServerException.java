package io.qbauth.domain;

/**
 * The server failed (5xx). The outcome of the call is unknown, so it is never replayed automatically.
 */
public final class ServerException extends AuthException {

    private static final long serialVersionUID = 1L;

    public ServerException(String message, int status, ErrorDetails details) {
        super(message, status, details, null);
    }

    public ServerException(String message, int status, ErrorDetails details, Throwable cause) {
        super(message, status, details, cause);
    }
}
