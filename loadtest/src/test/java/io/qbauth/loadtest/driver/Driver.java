package io.qbauth.loadtest.driver;

import io.qbauth.loadtest.server.AppCredentials;

/** A kind of client under load: makes {@link Agent}s that share its HTTP resources. Thread-safe. */
public interface Driver extends AutoCloseable {

    /** The client's name in the report: {@code sdk-jdk}, {@code sdk-vertx} or {@code raw}. */
    String name();

    /** A new agent for {@code app}, with no session yet. */
    Agent newAgent(AppCredentials app);

    /** Closes the shared HTTP resources. */
    @Override
    void close();
}
