package io.qbauth.domain;

/**
 * The client cannot be built or wired: an invalid configuration field (the message names it), or no or several
 * transport/codec implementations on the class path (the message says which module to add or property to set). Also
 * a client used where it cannot work: after {@code close()}, or its blocking facade on a thread that must not block
 * (a Vert.x event loop); nothing is sent then.
 */
public final class ConfigurationException extends AuthException {

    private static final long serialVersionUID = 1L;

    public ConfigurationException(String message) {
        super(message, 0, ErrorDetails.NONE, null);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(message, 0, ErrorDetails.NONE, cause);
    }
}
