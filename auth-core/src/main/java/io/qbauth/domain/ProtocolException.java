package io.qbauth.domain;

/**
 * The reply could not be understood: empty, not JSON, HTML, or JSON of an unexpected shape.
 */
public final class ProtocolException extends AuthException {

    private static final long serialVersionUID = 1L;

    public ProtocolException(String message, int status, ErrorDetails details) {
        super(message, status, details, null);
    }

    public ProtocolException(String message, int status, ErrorDetails details, Throwable cause) {
        super(message, status, details, cause);
    }
}
