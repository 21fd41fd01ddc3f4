package io.qbauth.emulator.internal.http.endpoints;

import io.qbauth.emulator.internal.http.rendering.ErrorReply;
import io.qbauth.emulator.internal.state.AppState;

/**
 * Who makes a request: a session (application or user) or a server holding the application's API key, possibly
 * acting on behalf of a user.
 *
 * @param app the application
 * @param userId the acting user, {@code 0} for none
 * @param server whether the caller authenticated with the API key
 */
record Caller(AppState app, long userId, boolean server) {

    /**
     * Enforces the permission model for writes to a user: an application session may not write (403
     * {@code Forbidden. Need user.}); a user may write only to itself; a server without {@code On-Behalf-Of}
     * may write to any user.
     */
    void requireWriteAccessTo(long targetUserId) {
        if (server && userId == 0) {
            return;
        }
        if (userId == 0) {
            throw ErrorReply.FORBIDDEN_NEED_USER.exception();
        }
        if (userId != targetUserId) {
            throw ErrorReply.FORBIDDEN_OTHER_USER.exception();
        }
    }
}
