package io.qbauth.domain;

/**
 * No usable reply arrived: the connection failed, the call timed out, or the reply was too large. Raised by
 * transports. The outcome on the server is unknown, so the SDK never replays a call after this.
 */
public final class TransportException extends AuthException {

    private static final long serialVersionUID = 1L;

    /** What went wrong on the wire. */
    public enum Kind {
        /** The connection could not be established (refused, unreachable, DNS, TLS handshake). */
        CONNECT,
        /** No complete reply within the request timeout. */
        TIMEOUT,
        /** The connection failed while sending or receiving (reset, closed early). */
        IO,
        /** The reply body exceeded the configured maximum size. */
        RESPONSE_TOO_LARGE
    }

    private final Kind kind;

    public TransportException(Kind kind, String message, Throwable cause) {
        super(message, 0, ErrorDetails.NONE, cause);
        this.kind = kind;
    }

    /** The kind of failure. */
    public Kind kind() {
        return kind;
    }
}
