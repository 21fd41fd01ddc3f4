package io.qbauth.e2e.fleet.process;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one fleet member is told at start: where the emulator and Redis are, which identities it drives, how. The
 * test side turns it into a command line ({@link #arguments()}) plus environment ({@link #environment()}: the auth
 * secret and the cipher key stay off the command line); the member parses both back ({@link #parse}).
 *
 * @param instance       the member's number in the fleet, shown in its reports
 * @param endpoint       the emulator's base URL
 * @param redisUri       the Redis URI, empty for a member without a shared store
 * @param cipherKey      the 32-byte AES key of the stored sessions
 * @param identities     how many identities the member drives: {@code fleet-0} .. {@code fleet-(n-1)}
 * @param threads        how many calls the member runs at once
 * @param callTimeout    each call's own budget
 * @param requestTimeout the transport's request timeout (the lease is sized from it)
 * @param storeTimeout   the Redis store's operation timeout
 * @param revealTokens   whether the member answers {@code reveal} with a real token (the test's secrecy checks only)
 * @param lifetime       the member halts on its own after this long, whatever happens to the test
 */
record MemberSpec(int instance, URI endpoint, Optional<String> redisUri, byte[] cipherKey, int identities, int threads,
                  Duration callTimeout, Duration requestTimeout, Duration storeTimeout, boolean revealTokens,
                  Duration lifetime) {

    static final String SECRET_ENV = "QBAUTH_FLEET_AUTH_SECRET";
    static final String CIPHER_ENV = "QBAUTH_FLEET_CIPHER_KEY";

    /**
     * A member with the suite's defaults: no Redis, 200 identities, 4 calls at once, 30 s per call, 15 s per request
     * and 2 s per Redis operation (patient: the machine running the suite may be busy).
     */
    static MemberSpec of(int instance, URI endpoint, byte[] cipherKey) {
        return new MemberSpec(instance, endpoint, Optional.empty(), cipherKey, 200, 4, Duration.ofSeconds(30),
                Duration.ofSeconds(15), Duration.ofSeconds(2), false, Duration.ofMinutes(6));
    }

    MemberSpec withRedis(String uri) {
        return new MemberSpec(instance, endpoint, Optional.of(uri), cipherKey, identities, threads, callTimeout,
                requestTimeout, storeTimeout, revealTokens, lifetime);
    }

    MemberSpec withIdentities(int count) {
        return new MemberSpec(instance, endpoint, redisUri, cipherKey, count, threads, callTimeout, requestTimeout,
                storeTimeout, revealTokens, lifetime);
    }

    MemberSpec withCipherKey(byte[] key) {
        return new MemberSpec(instance, endpoint, redisUri, key, identities, threads, callTimeout, requestTimeout,
                storeTimeout, revealTokens, lifetime);
    }

    MemberSpec withTimeouts(Duration call, Duration request) {
        return new MemberSpec(instance, endpoint, redisUri, cipherKey, identities, threads, call, request,
                storeTimeout, revealTokens, lifetime);
    }

    MemberSpec revealingTokens() {
        return new MemberSpec(instance, endpoint, redisUri, cipherKey, identities, threads, callTimeout,
                requestTimeout, storeTimeout, true, lifetime);
    }

    /** The command-line arguments, {@code name=value} each. */
    List<String> arguments() {
        List<String> args = new ArrayList<>(List.of("instance=" + instance, "endpoint=" + endpoint,
                "identities=" + identities, "threads=" + threads, "callTimeoutMs=" + callTimeout.toMillis(),
                "requestTimeoutMs=" + requestTimeout.toMillis(), "storeTimeoutMs=" + storeTimeout.toMillis(),
                "reveal=" + revealTokens,
                "lifetimeMs=" + lifetime.toMillis()));
        redisUri.ifPresent(uri -> args.add("redis=" + uri));
        return args;
    }

    /** The environment variables: the secrets. */
    Map<String, String> environment(String authSecret) {
        return Map.of(SECRET_ENV, authSecret, CIPHER_ENV, HexFormat.of().formatHex(cipherKey));
    }

    /** Reads a spec back from a member's arguments and environment. */
    static MemberSpec parse(String[] args, Map<String, String> env) {
        Map<String, String> named = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("expected name=value, got " + arg);
            }
            named.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        return new MemberSpec(Integer.parseInt(named.get("instance")), URI.create(named.get("endpoint")),
                Optional.ofNullable(named.get("redis")), HexFormat.of().parseHex(env.get(CIPHER_ENV)),
                Integer.parseInt(named.get("identities")), Integer.parseInt(named.get("threads")),
                Duration.ofMillis(Long.parseLong(named.get("callTimeoutMs"))),
                Duration.ofMillis(Long.parseLong(named.get("requestTimeoutMs"))),
                Duration.ofMillis(Long.parseLong(named.get("storeTimeoutMs"))),
                Boolean.parseBoolean(named.get("reveal")), Duration.ofMillis(Long.parseLong(named.get("lifetimeMs"))));
    }

    @Override
    public String toString() {
        return "member " + instance + " (" + identities + " identities, " + (redisUri.isPresent() ? "Redis" : "no Redis")
                + ")";
    }
}
