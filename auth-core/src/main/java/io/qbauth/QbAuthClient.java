package io.qbauth;

import io.qbauth.domain.ApiRequest;
import io.qbauth.domain.ApiResponse;
import io.qbauth.domain.Credentials;
import io.qbauth.domain.NewUser;
import io.qbauth.domain.Session;
import io.qbauth.domain.User;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * An authenticated connection to one QuickBlox application: it creates, keeps, refreshes and ends the session, and
 * runs authenticated calls with it. Build one with {@link QbAuth#builder()} and share it: it is thread-safe, and
 * every method returns at once.
 *
 * <p>Failures, invalid arguments included, complete the returned stage exceptionally with an
 * {@link io.qbauth.domain.AuthException} subtype; no method throws. Cancelling a returned stage abandons that
 * caller's wait only, never a session creation other callers share. {@link #blocking()} gives the same operations
 * as blocking calls.
 *
 * <p>Session rules: a session is created on first need and shared; it is re-created before it expires and after
 * the server reports it gone, always of the same kind (a user session is never silently downgraded to an
 * application session). See the module README for what is replayed after a session expiry.
 */
public interface QbAuthClient extends AutoCloseable {

    /**
     * Creates a new application session ({@code POST /session.json}) and makes it current; later re-creations make
     * application sessions.
     */
    CompletionStage<Session> createApplicationSession();

    /**
     * Creates a new user session directly ({@code POST /session.json} with the credentials) and makes it current;
     * later re-creations make user sessions with the same credentials (or the configured
     * {@link io.qbauth.config.CredentialsSupplier}).
     */
    CompletionStage<Session> createUserSession(Credentials credentials);

    /**
     * Asks the server about the current session ({@code GET /session.json}, creating a session first if there is
     * none): its kind and user id as the server sees them.
     */
    CompletionStage<Session> getSession();

    /** Signs a user up ({@code POST /users.json}) with the current session, creating an application session if none. */
    CompletionStage<User> signUp(NewUser user);

    /**
     * Signs a user up server-side ({@code POST /users.json} with {@code Authorization: ApiKey}); needs the
     * configured API key and no session.
     */
    CompletionStage<User> signUpWithApiKey(NewUser user);

    /**
     * Logs a user in ({@code POST /login.json}): upgrades the current application session (created first if there
     * is none) to a user session. The client remembers the credentials, so re-creations make user sessions.
     */
    CompletionStage<User> login(Credentials credentials);

    /**
     * Logs the user out ({@code DELETE /login.json}): the session becomes an application session again. From the
     * moment this is called, the client never re-creates the user's session. Does nothing without a user session.
     */
    CompletionStage<Void> logout();

    /**
     * Ends the session on the server ({@code DELETE /session.json}) and forgets it. The next call that needs a
     * session creates an application session.
     */
    CompletionStage<Void> destroySession();

    /**
     * Adopts an existing session token after checking it with {@code GET /session.json}, which also tells its kind
     * and user id. An adopted session is re-created, when it expires, only if a
     * {@link io.qbauth.config.CredentialsSupplier} was configured; otherwise calls fail with
     * {@link io.qbauth.domain.SessionExpiredException}.
     */
    CompletionStage<Session> startSessionWithToken(String token);

    /** The current session as the client knows it (no server call), if there is one that is not known to be gone. */
    Optional<Session> currentSession();

    /**
     * Runs an authenticated call to any QuickBlox endpoint with the current session (created first if there is
     * none). If the server answers that the session does not exist, the client re-creates it and sends the same
     * bytes once more (see {@link io.qbauth.config.ReauthPolicy}). Completes with the reply for a 2xx status,
     * exceptionally with the matching {@link io.qbauth.domain.AuthException} otherwise.
     */
    CompletionStage<ApiResponse> execute(ApiRequest request);

    /** The same operations as blocking calls, for code that runs on (virtual) threads. */
    default BlockingQbAuthClient blocking() {
        return new BlockingQbAuthClient(this);
    }

    /**
     * Closes what the client owns (a transport it discovered, never one it was given) and fails in-flight session
     * creations. Idempotent. Afterwards every call fails with a {@link io.qbauth.domain.ConfigurationException}.
     */
    @Override
    void close();
}
