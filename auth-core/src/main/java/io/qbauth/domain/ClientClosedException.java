package io.qbauth.domain;

/**
 * The call was made on a client that is closed, or the client was closed while the call waited for a session:
 * nothing was sent for it. Never retried; build a new client.
 */
public final class ClientClosedException extends AuthException {

    private static final long serialVersionUID = 1L;

    public ClientClosedException(String message) {
        super(message, 0, ErrorDetails.NONE, null);
    }
}
