package io.qbauth.emulator.cli;

/** A command line that cannot be run; the message says which option is wrong and why. */
public final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong */
    public UsageException(String message) {
        super(message);
    }
}
