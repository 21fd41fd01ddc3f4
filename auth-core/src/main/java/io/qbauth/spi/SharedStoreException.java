package io.qbauth.spi;

/**
 * Why a {@link SharedSessionStore} operation failed. Never reaches an application: the core falls back to its local
 * single flight (docs/FLEET.md §11). The message never holds a token, a login or a store password.
 */
public final class SharedStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong, so the core can tell an outage from a refusal. */
    public enum Reason {
        /** The store cannot be reached (not connected, connection lost, refused at start). */
        UNAVAILABLE,
        /** The store did not answer within the operation timeout. */
        TIMEOUT,
        /** The store answered with an error (a script error, a permission error, an unexpected reply). */
        REJECTED,
        /** The store is closed. */
        CLOSED
    }

    private final Reason reason;

    /** A failure for {@code reason}; {@code message} must not contain secrets. */
    public SharedStoreException(Reason reason, String message, Throwable cause) {
        super(reason + ": " + message, cause);
        this.reason = reason;
    }

    /** What went wrong. */
    public Reason reason() {
        return reason;
    }
}
