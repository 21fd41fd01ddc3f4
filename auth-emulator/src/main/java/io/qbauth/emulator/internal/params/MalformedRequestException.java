package io.qbauth.emulator.internal.params;

/**
 * A request the emulator cannot decode. The message says what is wrong in terms safe to send back to the client:
 * it may name a parameter, never a value. Thrown without a stack trace.
 */
public final class MalformedRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final int MAX_NAME_LENGTH = 64;

    /** @param message what is wrong, without any parameter value */
    public MalformedRequestException(String message) {
        super(message, null, false, false);
    }

    /** The parameter name, cut to a safe length for a message. */
    static String quoteName(String name) {
        return name.length() <= MAX_NAME_LENGTH ? name : name.substring(0, MAX_NAME_LENGTH) + "...";
    }
}
