package io.qbauth.loadtest.driver;

import io.qbauth.loadtest.server.AppCredentials;
import io.qbauth.loadtest.server.UserAccount;
import java.util.List;

/** A kind of client under load: makes {@link Agent}s that share its HTTP resources. Thread-safe. */
public interface Driver extends AutoCloseable {

    /** The client's name in the report: {@code sdk-jdk}, {@code sdk-vertx} or {@code raw}. */
    String name();

    /** A new agent for {@code app}, with no session yet. */
    Agent newAgent(AppCredentials app);

    /**
     * One agent per user of {@code app}, in the order of {@code users}, for a backend acting for all of them at
     * once: {@link Agent#startUserSession} signs the agent's own user in (the user given there must be its own),
     * and each agent keeps that user's session. Only the user-session calls apply ({@code startUserSession},
     * {@code apiCall}, {@code getSession}, {@code destroySession}). The agents share what this client shares among
     * users: the SDK one user pool per call of this method, the baseline its one {@code HttpClient}.
     */
    List<Agent> userAgents(AppCredentials app, List<UserAccount> users);

    /** Closes the shared HTTP resources. */
    @Override
    void close();
}
