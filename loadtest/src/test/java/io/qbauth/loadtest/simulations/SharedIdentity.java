package io.qbauth.loadtest.simulations;

import io.qbauth.loadtest.driver.Agent;
import io.qbauth.loadtest.server.UserAccount;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One user's client, shared by many virtual users of the session-refresh scenario: the first call starts the user
 * session, later ones use it, and the client re-creates it when it expires. Thread-safe.
 */
final class SharedIdentity implements AutoCloseable {

    private final Agent agent;
    private final UserAccount user;
    private final AtomicReference<CompletableFuture<Long>> started = new AtomicReference<>();

    SharedIdentity(Agent agent, UserAccount user) {
        this.agent = agent;
        this.user = user;
    }

    /** The client. */
    Agent agent() {
        return agent;
    }

    /** The user's id, once the first user session exists; a failed start is retried by the next caller. */
    CompletionStage<Long> userId() {
        CompletableFuture<Long> current = started.get();
        if (current != null && !current.isCompletedExceptionally()) {
            return current;
        }
        CompletableFuture<Long> mine = new CompletableFuture<>();
        if (!started.compareAndSet(current, mine)) {
            return started.get();
        }
        agent.startUserSession(user).whenComplete((id, failure) -> {
            if (failure == null) {
                mine.complete(id);
            } else {
                mine.completeExceptionally(failure);
            }
        });
        return mine;
    }

    @Override
    public void close() {
        agent.close();
    }
}
