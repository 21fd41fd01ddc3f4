package io.qbauth.emulator.internal.state;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * All live sessions, keyed by token. Expiry slides: every successful use pushes it to now + TTL. Expired sessions
 * are dropped when they are next looked up and by {@link #evictExpired}.
 */
public final class SessionStore {

    private final ConcurrentHashMap<String, Session> byToken = new ConcurrentHashMap<>();
    private final AtomicLong lastId = new AtomicLong();
    private final TokenGenerator tokens;
    private final Duration ttl;

    /**
     * @param ttl how long a session lives after its last use
     * @param random source of session tokens
     */
    public SessionStore(Duration ttl, SecureRandom random) {
        this.ttl = ttl;
        this.tokens = new TokenGenerator(random);
    }

    /** How long a session lives after its last use. */
    public Duration ttl() {
        return ttl;
    }

    Session create(long applicationId, long userId, long nonce, long timestamp, Instant now) {
        long id = lastId.incrementAndGet();
        while (true) {
            Session session = new Session(tokens.next(), id, applicationId, userId, nonce, timestamp, now, now,
                    now.plus(ttl));
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
        return Optional.ofNullable(byToken.computeIfPresent(token,
                (key, session) -> session.isExpired(now) ? null : session.extendedTo(newExpiry)));
    }

    /**
     * Sets the user of a live session ({@code 0} logs the user out), refreshing its expiry; empty when the session
     * is gone.
     */
    public Optional<Session> bindUser(String token, long userId, Instant now) {
        return Optional.ofNullable(byToken.computeIfPresent(token,
                (key, session) -> session.isExpired(now) ? null : session.withUser(userId, now, ttl)));
    }

    /** Deletes a session; later uses of its token fail. */
    public void delete(String token) {
        byToken.remove(token);
    }

    /**
     * Forgets every session, as a server restart that keeps no session state would: every token becomes unknown.
     *
     * @return how many sessions were dropped (expired ones not yet swept included)
     */
    public int clear() {
        int dropped = 0;
        for (String token : byToken.keySet()) {
            if (byToken.remove(token) != null) {
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

    /** Drops every session that expired before {@code now}, bounding memory under long runs. */
    public void evictExpired(Instant now) {
        byToken.values().removeIf(session -> session.isExpired(now));
    }
}
