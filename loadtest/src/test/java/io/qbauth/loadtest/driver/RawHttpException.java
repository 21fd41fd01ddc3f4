package io.qbauth.loadtest.driver;

import io.qbauth.loadtest.gatling.HttpStatusFailure;

/** A reply the raw baseline did not expect: its status and the start of its body (QuickBlox error JSON). */
final class RawHttpException extends RuntimeException implements HttpStatusFailure {

    private static final long serialVersionUID = 1L;
    private static final int MAX_BODY_CHARS = 120;

    private final int status;

    RawHttpException(String method, String path, int status, String body) {
        super(method + " " + path + " -> " + status + " "
                + (body.length() > MAX_BODY_CHARS ? body.substring(0, MAX_BODY_CHARS) : body));
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }

    /** Whether the server said the session is gone (401 with "Required session does not exist"). */
    boolean isSessionGone() {
        return status == 401 && getMessage().contains("Required session does not exist");
    }
}
