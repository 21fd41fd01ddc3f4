package io.qbauth.adapter.store.redis;

import io.qbauth.testkit.redis.RedisServerProcess;
import io.qbauth.testkit.redis.TcpProxy;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.qbauth.domain.Session;
import io.qbauth.domain.SessionKind;
import io.qbauth.domain.SessionToken;
import io.qbauth.spi.FleetIdentity;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/** Sessions, identities, keys and stores for the tests. */
final class TestSessions {

    static final long APP = 4242;
    static final byte[] APP_SECRET = "the-application-auth-secret".getBytes(StandardCharsets.UTF_8);
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestSessions() {
    }

    /** A 40-hex-character token, as QuickBlox issues. */
    static String token() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static byte[] key() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    static FleetIdentity identity(String login) {
        return FleetIdentity.derive(APP, APP_SECRET, "login:" + login);
    }

    /** A user session with {@code token}, expiring in {@code lifetime}. */
    static Session session(String token, Duration lifetime) {
        Instant now = Instant.now();
        return new Session(new SessionToken(token), SessionKind.USER, APP, 77, 9001, now, now.plus(lifetime),
                Session.Origin.CREATED);
    }

    static RedisSessionStore.Builder store(RedisServerProcess redis, byte[] key) {
        return RedisSessionStore.builder().uri(redis.uri()).cipher(AesGcmSessionCipher.withKey(key))
                .operationTimeout(Duration.ofSeconds(2));
    }

    /** The value of {@code stage}, waiting at most 30 s (a bound, not a timing assertion). */
    static <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the stage did not complete normally", e);
        }
    }

    /** A plain Lettuce connection for looking at what is in Redis. */
    static StatefulRedisConnection<String, String> raw(RedisClient client, RedisServerProcess redis) {
        return client.connect(io.lettuce.core.RedisURI.create(redis.uri()));
    }
}
