package io.qbauth.adapter.store.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One of the store's Lua scripts (docs/FLEET.md §3–§10), run with {@code EVALSHA}; its SHA-1 is computed here, so a
 * Redis that lost its script cache (a restart, a failover) answers {@code NOSCRIPT} and the store loads it again.
 * Every script returns integers and strings only (never nil in the middle of an array).
 */
enum Script {

    /** KEYS: session. Returns {generation or 0, fingerprint, sealed, PTTL}. */
    READ("""
            local h = redis.call('HMGET', KEYS[1], 'g', 'f', 'v')
            if not h[1] then return {0, '', '', -2} end
            return {tonumber(h[1]), h[2], h[3], redis.call('PTTL', KEYS[1])}
            """),

    /**
     * KEYS: session, lease, generation. ARGV: owner, lease ms, counter ms, known generation. Returns
     * {2, 0, stored generation, fingerprint, sealed, PTTL} when a session newer than the known one is stored,
     * {1, new generation} when granted, else {0, lease PTTL, stored generation or 0, fingerprint, sealed, PTTL}.
     */
    LEASE("""
            local known = redis.call('HMGET', KEYS[1], 'g', 'f', 'v')
            if known[1] and tonumber(known[1]) > tonumber(ARGV[4]) then
              return {2, 0, tonumber(known[1]), known[2], known[3], redis.call('PTTL', KEYS[1])}
            end
            if redis.call('SET', KEYS[2], ARGV[1], 'NX', 'PX', ARGV[2]) then
              local c = tonumber(redis.call('GET', KEYS[3]) or '0')
              local s = tonumber(redis.call('HGET', KEYS[1], 'g') or '0')
              local gen = math.max(c, s) + 1
              redis.call('SET', KEYS[3], tostring(gen), 'PX', ARGV[3])
              return {1, gen}
            end
            local held = redis.call('PTTL', KEYS[2])
            local h = redis.call('HMGET', KEYS[1], 'g', 'f', 'v')
            if not h[1] then return {0, held, 0, '', '', -2} end
            return {0, held, tonumber(h[1]), h[2], h[3], redis.call('PTTL', KEYS[1])}
            """),

    /**
     * KEYS: session, lease. ARGV: generation, fingerprint, sealed, ttl ms, owner, channel, message. Stores the session
     * if its generation is newer, releases the lease by compare-and-delete, publishes the wake-up. Returns
     * {1 if stored, generation, fingerprint, sealed, PTTL} of what is stored afterwards.
     */
    PUBLISH("""
            local cur = tonumber(redis.call('HGET', KEYS[1], 'g') or '0')
            local stored = 0
            if tonumber(ARGV[1]) > cur then
              redis.call('DEL', KEYS[1])
              redis.call('HSET', KEYS[1], 'g', ARGV[1], 'f', ARGV[2], 'v', ARGV[3])
              redis.call('PEXPIRE', KEYS[1], ARGV[4])
              if ARGV[6] ~= '' then redis.call('PUBLISH', ARGV[6], ARGV[7]) end
              stored = 1
            end
            if redis.call('GET', KEYS[2]) == ARGV[5] then redis.call('DEL', KEYS[2]) end
            local h = redis.call('HMGET', KEYS[1], 'g', 'f', 'v')
            if not h[1] then return {stored, 0, '', '', -2} end
            return {stored, tonumber(h[1]), h[2], h[3], redis.call('PTTL', KEYS[1])}
            """),

    /** KEYS: lease. ARGV: owner. Compare-and-delete; returns 1 if deleted. */
    RELEASE("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
            return 0
            """),

    /** KEYS: session. ARGV: generation, fingerprint. Deletes only the same session; returns 1 if deleted. */
    INVALIDATE("""
            local h = redis.call('HMGET', KEYS[1], 'g', 'f')
            if h[1] == ARGV[1] and h[2] == ARGV[2] then return redis.call('DEL', KEYS[1]) end
            return 0
            """),

    /** KEYS: session. ARGV: generation, fingerprint, ttl ms. Lengthens (never shortens) the same session's TTL. */
    EXTEND("""
            local h = redis.call('HMGET', KEYS[1], 'g', 'f')
            if h[1] == ARGV[1] and h[2] == ARGV[2] and redis.call('PTTL', KEYS[1]) < tonumber(ARGV[3]) then
              return redis.call('PEXPIRE', KEYS[1], ARGV[3])
            end
            return 0
            """),

    /** KEYS: back-off. ARGV: ms. Sets the back-off unless a longer one is already running; returns 1 if set. */
    BACK_OFF("""
            if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[1]) then
              redis.call('SET', KEYS[1], '1', 'PX', ARGV[1])
              return 1
            end
            return 0
            """);

    private final String body;
    private final String sha;

    Script(String body) {
        this.body = body;
        try {
            this.sha = HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-1").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }

    String body() {
        return body;
    }

    String sha() {
        return sha;
    }
}
