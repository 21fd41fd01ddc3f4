package io.qbauth.emulator.internal.auth;

/**
 * Credentials that do not identify a user: unknown login, wrong password, rejected provider token, or an incomplete
 * set. Answered with 401 {@code {"errors":["Unauthorized"]}}. The message is a reason for debug logs and never holds
 * a credential. Thrown without a stack trace.
 */
public final class AuthenticationFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param reason why, without any credential value */
    public AuthenticationFailure(String reason) {
        super(reason, null, false, false);
    }
}
