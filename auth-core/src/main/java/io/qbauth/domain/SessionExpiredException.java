package io.qbauth.domain;

/**
 * The session is gone on the server (401 {@code Required session does not exist}, or no token at all) and could not be re-created, e.g. an adopted token without a {@code CredentialsSupplier}.
 */
public final class SessionExpiredException extends AuthException {

    private static final long serialVersionUID = 1L;

    public SessionExpiredException(String message, int status, ErrorDetails details) {
        super(message, status, details, null);
    }

    public SessionExpiredException(String message, int status, ErrorDetails details, Throwable cause) {
        super(message, status, details, cause);
    }
}
