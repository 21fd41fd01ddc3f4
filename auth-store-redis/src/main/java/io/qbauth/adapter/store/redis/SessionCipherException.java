package io.qbauth.adapter.store.redis;

/**
 * A stored session that does not open: another key (a fleet mid-rotation, a misconfigured instance), other associated
 * data (a value copied to another key) or a corrupted value. The store treats such an entry as absent. The message
 * never holds key material or the value.
 */
public final class SessionCipherException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A failure described by {@code message} (no secrets), caused by {@code cause} (may be null). */
    public SessionCipherException(String message, Throwable cause) {
        super(message, cause);
    }
}
