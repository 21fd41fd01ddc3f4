package io.qbauth.emulator.internal.http.rendering;

/** Carries an {@link ErrorReply} from a handler to the failure handler. Control flow: no stack trace. */
public final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ErrorReply reply;

    ApiException(ErrorReply reply) {
        super("HTTP " + reply.status(), null, false, false);
        this.reply = reply;
    }

    /** The reply to send. */
    public ErrorReply reply() {
        return reply;
    }
}
