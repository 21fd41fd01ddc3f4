package io.qbauth.domain;

/**
 * The client cannot be built or wired: an invalid configuration field (the message names it), or no or several
 * transport/codec implementations on the class path (the message says which module to add or property to set).
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
