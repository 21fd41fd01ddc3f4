package io.qbauth.emulator.internal.state;

import io.qbauth.emulator.EmulatorApp;
import io.qbauth.emulator.EmulatorStats;
import java.time.Duration;
import java.time.Instant;

/** Everything the emulator keeps for one application: its configuration, users, nonces and counters. */
public final class AppState {

    private final EmulatorApp app;
    private final SessionStore sessions;
    private final UserDirectory users = new UserDirectory();
    private final AppCounters counters = new AppCounters();
    private final NonceRegistry nonces;

    AppState(EmulatorApp app, SessionStore sessions, Duration timestampWindow) {
        this.app = app;
        this.sessions = sessions;
        this.nonces = new NonceRegistry(timestampWindow);
    }

    /** The application id. */
    public long id() {
        return app.id();
    }

    /** The configuration the emulator was started with. */
    public EmulatorApp app() {
        return app;
    }

    /** The application's users. */
    public UserDirectory users() {
        return users;
    }

    /** The application's counters. */
    public AppCounters counters() {
        return counters;
    }

    /** Create-session timestamps and nonces seen so far. */
    public NonceRegistry nonces() {
        return nonces;
    }

    /**
     * Opens a session of this application and counts it.
     *
     * @param userId {@code 0} for an application session
     * @throws SessionLimitExceeded when the application holds its maximum of sessions (counted as refused)
     */
    public Session openSession(AuthMethod method, long userId, long nonce, long timestamp, Instant now) {
        Session session;
        try {
            session = sessions.create(app.id(), userId, nonce, timestamp, now);
        } catch (SessionLimitExceeded full) {
            counters.sessionRefused();
            throw full;
        }
        counters.sessionCreated(method);
        return session;
    }

    /** A snapshot of the counters. */
    public EmulatorStats stats(Instant now) {
        return counters.snapshot(app.id(), sessions.countLive(app.id(), now), sessions.maxPerApp());
    }

    /** Zeroes the counters (live sessions are state, not a counter, and stay). */
    public void resetStats() {
        counters.reset();
    }
}
