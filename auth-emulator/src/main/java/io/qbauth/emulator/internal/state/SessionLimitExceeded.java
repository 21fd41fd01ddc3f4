package io.qbauth.emulator.internal.state;

/** Creating a session would take an application over its limit of live sessions. */
public final class SessionLimitExceeded extends RuntimeException {

    private static final long serialVersionUID = 1L;

    SessionLimitExceeded(long applicationId, int limit) {
        super("application " + applicationId + " has " + limit + " live sessions, its limit", null, false, false);
    }
}
