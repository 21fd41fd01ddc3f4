package io.qbauth.emulator.internal.http.requests;

/**
 * The HTTP decoder gave up on a request body (a malformed chunk size, say): the client's fault, answered 400 with the
 * connection closed and logged at DEBUG only. Carries the decoder's exception class, never its message.
 */
public final class UnreadableRequestBody extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UnreadableRequestBody(Throwable cause) {
        super("unreadable request body: " + cause.getClass().getName(), null, false, false);
    }
}
