package io.qbauth.event;

/**
 * Receives the session lifecycle events of a client (metrics, audit, a "session expired" hook). Called
 * synchronously on the thread where the event happened, so it must be quick and must not block. An exception it
 * throws is caught and logged at DEBUG: a listener never breaks a call.
 */
@FunctionalInterface
public interface AuthEventListener {

    /** Handles one event. */
    void onEvent(AuthEvent event);
}
