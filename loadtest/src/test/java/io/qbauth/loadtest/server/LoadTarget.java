package io.qbauth.loadtest.server;

import java.util.List;
import java.util.OptionalLong;

/** The server under load: which application (and where it is served) and users each client uses, and its counters. */
public interface LoadTarget extends AutoCloseable {

    /** Whether users may be created on the target (never on a remote one: sign-ups there are permanent). */
    boolean allowsSignUp();

    /** The application {@code client} uses for {@code workload}. */
    AppCredentials app(String client, Workload workload);

    /** The existing users of {@link #app}, at least one. */
    List<UserAccount> users(String client, Workload workload);

    /** Sessions the server created for {@link #app} so far, when the target can tell. */
    OptionalLong sessionsCreated(String client, Workload workload);

    /** Stops what this target started; idempotent. */
    @Override
    void close();
}
