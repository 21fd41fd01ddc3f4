package io.qbauth.spring.boot.autoconfigure;

import io.qbauth.event.AuthEvent;
import io.qbauth.event.AuthEventListener;
import java.util.Optional;

/**
 * Remembers, from the client's events, how its last session creation ended: the health indicator reads it (the
 * client has no other record of a failed creation, and reading this costs no request). Only the exception's simple
 * class name is kept, as the event carries it: never a message, token or credential.
 */
final class SessionCreationRecorder implements AuthEventListener {

    private volatile String lastFailure;

    @Override
    public void onEvent(AuthEvent event) {
        if (event instanceof AuthEvent.SessionCreated) {
            lastFailure = null;
        } else if (event instanceof AuthEvent.SessionCreationFailed failed) {
            lastFailure = failed.exception();
        }
    }

    /** The simple class name of the exception that ended the last creation, if it failed. */
    Optional<String> lastFailure() {
        return Optional.ofNullable(lastFailure);
    }
}
