package io.qbauth.loadtest.driver;

import io.qbauth.loadtest.server.UserAccount;
import java.util.concurrent.CompletionStage;

/**
 * One client connection to one application, holding at most one session, as a virtual user (login storm) or a
 * shared identity (session refresh) uses it. Thread-safe; every method returns at once and reports failures through
 * the stage.
 */
public interface Agent extends AutoCloseable {

    /** Creates an application session ({@code POST /session.json}). */
    CompletionStage<Void> createAppSession();

    /**
     * Logs {@code user} in on the current application session ({@code POST /login.json}).
     *
     * @param byEmail sign in with the e-mail instead of the login
     * @return the user's id
     */
    CompletionStage<Long> login(UserAccount user, boolean byEmail);

    /**
     * Creates a user session with {@code user}'s login and password ({@code POST /session.json}) and keeps those
     * credentials to create the next one when this one expires.
     *
     * @return the user's id
     */
    CompletionStage<Long> startUserSession(UserAccount user);

    /**
     * Signs {@code user} up ({@code POST /users.json}) with the current session.
     *
     * @return the new user's id
     */
    CompletionStage<Long> signUp(UserAccount user);

    /** Reads the current session ({@code GET /session.json}). */
    CompletionStage<Void> getSession();

    /** An authenticated {@code GET} of {@code path}, re-creating the session when it has expired. */
    CompletionStage<Void> apiCall(String path);

    /** Ends the session on the server ({@code DELETE /session.json}). */
    CompletionStage<Void> destroySession();

    /** Releases the agent; shared resources (transport, HTTP client) stay open. */
    @Override
    void close();
}
