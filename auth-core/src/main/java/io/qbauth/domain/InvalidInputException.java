package io.qbauth.domain;

/**
 * An argument given to the SDK is unusable (null, blank, oversize, a control character, a bad id). Thrown before
 * any request is sent, so nothing was lost. The message names the argument, never its value when it is a secret.
 */
public final class InvalidInputException extends AuthException {

    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message, 0, ErrorDetails.NONE, null);
    }
}
