package io.qbauth.loadtest.server;

import io.qbauth.emulator.EmulatorApp;
import io.qbauth.emulator.QbEmulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The emulator started in this JVM on 127.0.0.1, once per workload: the login storm's with QuickBlox's 2-hour
 * session lifetime, the session refresh's and the many users' with the short TTL that makes sessions expire mid-run
 * (the TTL is server-wide). Each client has its own application on each, seeded with its own users. Passwords are
 * hashed with the emulator's default PBKDF2 cost, so a login costs the server what it costs in every other test of
 * the project — except on the many-users emulator: thousands of users seeded and signed in again every wave would
 * measure PBKDF2 on a shared 2-core machine instead of the clients, so it hashes with
 * {@value #MANY_USERS_HASH_ITERATIONS} iterations (the cost is server-wide too).
 */
public final class EmulatorTarget implements LoadTarget {

    /** The emulator's connection cap here: far above what the load opens, well below the descriptor limit. */
    private static final int MAX_CONNECTIONS = 10_000;

    private static final long FIRST_APP_ID = 70_001;
    private static final Duration STORM_SESSION_TTL = QbEmulator.AbstractBuilder.DEFAULT_SESSION_TTL;
    /** PBKDF2 iterations on the many-users emulator (the default is 10 000). */
    static final int MANY_USERS_HASH_ITERATIONS = 100;

    private final Map<Workload, QbEmulator> emulators;
    private final Map<String, Seeded> apps;

    private EmulatorTarget(Map<Workload, QbEmulator> emulators, Map<String, Seeded> apps) {
        this.emulators = emulators;
        this.apps = apps;
    }

    /**
     * Starts the emulators.
     *
     * @param clients    the client names (e.g. {@code sdk-jdk}, {@code raw}), one application each per workload
     * @param sessionTtl the session-refresh emulator's sliding session lifetime
     * @param stormUsers users seeded per login-storm application
     * @param identities users seeded per session-refresh application
     * @param poolUsers  users seeded per many-users application; 0 for no many-users emulator
     */
    public static EmulatorTarget start(List<String> clients, Duration sessionTtl, int stormUsers, int identities,
            int poolUsers) {
        Map<Workload, QbEmulator> emulators = new EnumMap<>(Workload.class);
        Map<String, Seeded> apps = new HashMap<>();
        try {
            long nextId = FIRST_APP_ID;
            for (Workload workload : Workload.values()) {
                boolean storm = workload == Workload.LOGIN_STORM;
                boolean many = workload == Workload.MANY_USERS;
                if (many && poolUsers == 0) {
                    continue;
                }
                // the load measures the clients, not the emulator's guard against connection floods: a client
                // without a pool bound (the JDK's HttpClient) opens a connection per concurrent request
                QbEmulator.Builder builder = QbEmulator.builder().sessionTtl(storm ? STORM_SESSION_TTL : sessionTtl)
                        .maxConnections(MAX_CONNECTIONS);
                if (many) {
                    builder.passwordHashIterations(MANY_USERS_HASH_ITERATIONS);
                }
                int seed = storm ? stormUsers : many ? poolUsers : identities;
                Map<String, List<UserAccount>> seeded = new HashMap<>();
                Map<String, Long> ids = new HashMap<>();
                for (String client : clients) {
                    long id = nextId++;
                    builder.app(EmulatorApp.of(id, "loadKey" + id, "loadSecret" + id));
                    List<UserAccount> users = seedUsers(builder, id, seed);
                    seeded.put(client, users);
                    ids.put(client, id);
                }
                QbEmulator emulator = builder.start();
                emulators.put(workload, emulator);
                for (String client : clients) {
                    long id = ids.get(client);
                    apps.put(key(client, workload), new Seeded(new AppCredentials(emulator.baseUrl(), id,
                            "loadKey" + id, "loadSecret" + id), seeded.get(client)));
                }
            }
        } catch (RuntimeException e) {
            emulators.values().forEach(QbEmulator::close);
            throw e;
        }
        return new EmulatorTarget(emulators, Map.copyOf(apps));
    }

    private static List<UserAccount> seedUsers(QbEmulator.Builder builder, long appId, int count) {
        List<UserAccount> users = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            UserAccount user = new UserAccount("lt_" + appId + "_" + i, "lt" + i + "." + appId + "@loadtest.local",
                    "LoadPass-" + i + "!");
            builder.user(appId, user.login(), user.password(), user.email(), null);
            users.add(user);
        }
        return List.copyOf(users);
    }

    @Override
    public boolean allowsSignUp() {
        return true;
    }

    @Override
    public AppCredentials app(String client, Workload workload) {
        return seeded(client, workload).app();
    }

    @Override
    public List<UserAccount> users(String client, Workload workload) {
        return seeded(client, workload).users();
    }

    @Override
    public OptionalLong sessionsCreated(String client, Workload workload) {
        QbEmulator emulator = emulators.get(workload);
        return emulator == null ? OptionalLong.empty()
                : OptionalLong.of(emulator.stats(app(client, workload).id()).sessionsCreated());
    }

    @Override
    public void close() {
        emulators.values().forEach(QbEmulator::close);
    }

    @Override
    public String toString() {
        return "EmulatorTarget[login storm " + emulators.get(Workload.LOGIN_STORM).baseUrl() + ", session refresh "
                + emulators.get(Workload.SESSION_REFRESH).baseUrl()
                + (emulators.containsKey(Workload.MANY_USERS)
                        ? ", many users " + emulators.get(Workload.MANY_USERS).baseUrl() : "")
                + ", " + apps.size() + " applications]";
    }

    private Seeded seeded(String client, Workload workload) {
        Seeded seeded = apps.get(key(client, workload));
        if (seeded == null) {
            throw new IllegalArgumentException("no application for " + client + " / " + workload);
        }
        return seeded;
    }

    private static String key(String client, Workload workload) {
        return client + "/" + workload;
    }

    private record Seeded(AppCredentials app, List<UserAccount> users) {
    }
}
