package io.qbauth.emulator.internal.state;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * All live sessions, keyed by token, at most {@code maxPerApp} per application. Expiry slides: every successful use
 * pushes it to now + TTL. Expired sessions are dropped when they are next looked up and by {@link #sweep}, which
 * examines a bounded number of sessions per call and resumes where the previous call stopped.
 *
 * <p>The per-application count covers every stored session, expired ones not yet swept included; the sweep keeps
 * that lag to seconds.
 */
public final class SessionStore {

    private final ConcurrentHashMap<String, Session> byToken = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, AtomicInteger> storedByApp = new ConcurrentHashMap<>();
    private final AtomicLong lastId = new AtomicLong();
    private final TokenGenerator tokens;
    private final Duration ttl;
    private final int maxPerApp;
    private Iterator<Session> sweepCursor;

    /**
     * @param ttl how long a session lives after its last use
     * @param maxPerApp sessions one application may hold at once
     * @param random source of session tokens
     */
    public SessionStore(Duration ttl, int maxPerApp, SecureRandom random) {
        this.ttl = ttl;
        this.maxPerApp = maxPerApp;
        this.tokens = new TokenGenerator(random);
    }

    /** How long a session lives after its last use. */
    public Duration ttl() {
        return ttl;
    }

    /** Sessions one application may hold at once. */
    public int maxPerApp() {
        return maxPerApp;
    }

    /** @throws SessionLimitExceeded when the application already holds {@code maxPerApp} sessions */
    Session create(long applicationId, long userId, long nonce, long timestamp, Instant now) {
        AtomicInteger stored = storedByApp.computeIfAbsent(applicationId, id -> new AtomicInteger());
        if (stored.incrementAndGet() > maxPerApp) {
            stored.decrementAndGet();
            throw new SessionLimitExceeded(applicationId, maxPerApp);
        }
        long id = lastId.incrementAndGet();
        while (true) {
            Session session = new Session(tokens.next(), id, applicationId, userId, nonce, timestamp, now, now,
                    now.plus(ttl), new Session.Rendered());
            if (byToken.putIfAbsent(session.token(), session) == null) {
                return session;
            }
        }
    }

    /**
     * The live session for {@code token}, with its expiry pushed to {@code now} + TTL; empty when the token is
     * unknown, deleted or expired.
     */
    public Optional<Session> touch(String token, Instant now) {
        Instant newExpiry = now.plus(ttl);
        Session[] expired = new Session[1];
        Session touched = byToken.computeIfPresent(token, (key, session) -> {
            if (session.isExpired(now)) {
                expired[0] = session;
                return null;
            }
            return session.extendedTo(newExpiry);
        });
        forgotten(expired[0]);
        return Optional.ofNullable(touched);
    }

    /**
     * Sets the user of a live session ({@code 0} logs the user out), refreshing its expiry; empty when the session
     * is gone.
     */
    public Optional<Session> bindUser(String token, long userId, Instant now) {
        Session[] expired = new Session[1];
        Session bound = byToken.computeIfPresent(token, (key, session) -> {
            if (session.isExpired(now)) {
                expired[0] = session;
                return null;
            }
            return session.withUser(userId, now, ttl);
        });
        forgotten(expired[0]);
        return Optional.ofNullable(bound);
    }

    /** Deletes a session; later uses of its token fail. */
    public void delete(String token) {
        forgotten(byToken.remove(token));
    }

    /**
     * Forgets every session, as a server restart that keeps no session state would: every token becomes unknown.
     *
     * @return how many sessions were dropped (expired ones not yet swept included)
     */
    public int clear() {
        int dropped = 0;
        for (String token : byToken.keySet()) {
            Session removed = byToken.remove(token);
            if (removed != null) {
                forgotten(removed);
                dropped++;
            }
        }
        return dropped;
    }

    /** Sessions of {@code applicationId} still alive at {@code now}. */
    public long countLive(long applicationId, Instant now) {
        return byToken.values().stream()
                .filter(session -> session.applicationId() == applicationId && !session.isExpired(now))
                .count();
    }

    /** Sessions of {@code applicationId} held now, expired ones not yet swept included: what the limit counts. */
    public int countStored(long applicationId) {
        AtomicInteger stored = storedByApp.get(applicationId);
        return stored == null ? 0 : stored.get();
    }

    /** Drops every session that expired before {@code now}. */
    public synchronized void evictExpired(Instant now) {
        sweepCursor = null;
        sweep(now, Integer.MAX_VALUE);
    }

    /**
     * Examines at most {@code budget} sessions, continuing from where the previous sweep stopped (wrapping around),
     * and drops the expired ones. Not for concurrent callers: one timer sweeps.
     *
     * @return how many sessions were examined (less than {@code budget} when a pass over all sessions ended)
     */
    public synchronized int sweep(Instant now, int budget) {
        if (sweepCursor == null || !sweepCursor.hasNext()) {
            sweepCursor = byToken.values().iterator();
        }
        int examined = 0;
        while (examined < budget && sweepCursor.hasNext()) {
            Session session = sweepCursor.next();
            examined++;
            if (session.isExpired(now) && byToken.remove(session.token(), session)) {
                forgotten(session);
            }
        }
        if (!sweepCursor.hasNext()) {
            sweepCursor = null;
        }
        return examined;
    }

    private void forgotten(Session removed) {
        if (removed != null) {
            storedByApp.get(removed.applicationId()).decrementAndGet();
        }
    }
}
