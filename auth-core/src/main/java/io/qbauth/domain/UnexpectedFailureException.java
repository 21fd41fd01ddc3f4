package io.qbauth.domain;

/**
 * A component threw what no contract of the SDK allows — a {@code NullPointerException} in a clock, an
 * {@code Error} in a session store, a bug in the SDK itself — while the SDK worked for this call (creating a session,
 * say). The {@linkplain #getCause() cause} is the original throwable; the message names its class and what the SDK
 * was doing. The SDK treats it as a transient failure of that call: a later call tries again (with the usual
 * creation back-off), so a component that throws once does not wedge the client.
 */
public final class UnexpectedFailureException extends AuthException {

    private static final long serialVersionUID = 1L;

    /** A failure described by {@code message}, caused by {@code cause}. */
    public UnexpectedFailureException(String message, Throwable cause) {
        super(message, 0, ErrorDetails.NONE, cause);
    }
}
