package io.qbauth.adapter.store.redis;

import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.qbauth.domain.ConfigurationException;
import io.qbauth.domain.InvalidInputException;
import io.qbauth.domain.Session;
import io.qbauth.spi.FleetIdentity;
import io.qbauth.spi.Lease;
import io.qbauth.spi.LeaseOutcome;
import io.qbauth.spi.SharedSession;
import io.qbauth.spi.SharedSessionStore;
import io.qbauth.spi.SharedStoreException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Redis implementation of {@link SharedSessionStore} (docs/FLEET.md), on Lettuce: one multiplexed connection for
 * commands and Lua scripts, one pub/sub connection for wake-ups. Build it once per process and hand it to the
 * client; close it when the application stops.
 *
 * <pre>{@code
 * RedisSessionStore store = RedisSessionStore.builder()
 *         .uri("rediss://app:password@redis.internal:6380/0")
 *         .cipher(AesGcmSessionCipher.withKey(key32Bytes))
 *         .build();
 * }</pre>
 *
 * <p>Building never waits for Redis: when Redis is down, operations fail fast with
 * {@link SharedStoreException.Reason#UNAVAILABLE} and the store keeps reconnecting. {@link #toString()} masks the
 * URI's credentials.
 */
public final class RedisSessionStore implements SharedSessionStore {

    private static final System.Logger LOG = System.getLogger(RedisSessionStore.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long COUNTER_TTL_MS = Duration.ofDays(7).toMillis();
    private static final long UNREADABLE_LOG_EVERY_MS = 60_000;

    private final String prefix;
    private final String where;
    private final SessionCipher cipher;
    private final Clock clock;
    private final ScheduledThreadPoolExecutor scheduler;
    private final RedisLink link;
    private final Waiters waiters;
    private final AtomicLong lastUnreadableLog = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong unreadable = new AtomicLong();

    private RedisSessionStore(Builder b, RedisURI uri) {
        this.prefix = b.keyPrefix;
        this.where = Masked.uri(uri, b.uri);
        this.cipher = b.cipher;
        this.clock = b.clock;
        this.scheduler = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "qbauth-redis-store");
            t.setDaemon(true);
            return t;
        });
        scheduler.setRemoveOnCancelPolicy(true);
        this.waiters = new Waiters(scheduler, this::readNow, b.pollInterval);
        this.link = new RedisLink(uri, where, b.operationTimeout, scheduler,
                b.notifications ? prefix + ":{*}:published" : null, (channel, message) -> waiters.published(message));
        link.start();
    }

    /** A builder; {@link Builder#uri} and {@link Builder#cipher} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** Whether the last operation reached Redis (false before the first connection, and while Redis is away). */
    public boolean isAvailable() {
        return link.isAvailable();
    }

    /** How many stored sessions could not be opened (wrong key, corrupted value) since the store was built. */
    public long unreadableEntries() {
        return unreadable.get();
    }

    @Override
    public CompletionStage<Optional<SharedSession>> read(FleetIdentity identity) {
        if (identity == null) {
            return invalid("identity is required");
        }
        return readNow(identity);
    }

    private CompletableFuture<Optional<SharedSession>> readNow(FleetIdentity identity) {
        FleetKeys keys = new FleetKeys(prefix, identity);
        return link.<List<Object>>eval(Script.READ, ScriptOutputType.MULTI, new String[] {keys.session})
                .thenApply(r -> stored(keys, asLong(r.get(0)), (String) r.get(1), (String) r.get(2), asLong(r.get(3))));
    }

    @Override
    public CompletionStage<LeaseOutcome> tryLease(FleetIdentity identity, long knownGeneration, Duration ttl) {
        if (identity == null || ttl == null || ttl.toMillis() <= 0 || knownGeneration < 0) {
            return invalid("identity, a known generation (0 or more) and a ttl of at least 1 ms are required");
        }
        FleetKeys keys = new FleetKeys(prefix, identity);
        String owner = HexFormat.of().formatHex(randomBytes(16));
        return link.<List<Object>>eval(Script.LEASE, ScriptOutputType.MULTI,
                        new String[] {keys.session, keys.lease, keys.generation},
                        owner, Long.toString(ttl.toMillis()), Long.toString(COUNTER_TTL_MS),
                        Long.toString(knownGeneration))
                .thenCompose(r -> {
                    if (asLong(r.get(0)) == 2) {
                        Optional<SharedSession> newer = stored(keys, asLong(r.get(2)), (String) r.get(3),
                                (String) r.get(4), asLong(r.get(5)));
                        if (newer.isPresent()) {
                            return CompletableFuture.completedFuture(new LeaseOutcome.Newer(newer.get()));
                        }
                        // a newer entry this instance cannot open (another key): like no entry, it must not stop a
                        // creation; ask again knowing its generation, so the new session replaces it
                        return tryLease(identity, asLong(r.get(2)), ttl).toCompletableFuture();
                    }
                    return CompletableFuture.completedFuture(leaseOrHeld(identity, keys, owner, ttl, r));
                });
    }

    private LeaseOutcome leaseOrHeld(FleetIdentity identity, FleetKeys keys, String owner, Duration ttl,
                                     List<Object> r) {
        if (asLong(r.get(0)) == 1) {
            return new LeaseOutcome.Granted(new Lease(identity, owner, asLong(r.get(1)), ttl));
        }
        Optional<SharedSession> current = stored(keys, asLong(r.get(2)), (String) r.get(3), (String) r.get(4),
                asLong(r.get(5)));
        return new LeaseOutcome.Held(Duration.ofMillis(Math.max(0, asLong(r.get(1)))), current);
    }

    @Override
    public CompletionStage<SharedSession> publish(Lease lease, Session session) {
        if (lease == null || session == null) {
            return invalid("lease and session are required");
        }
        FleetKeys keys = new FleetKeys(prefix, lease.identity());
        long ttlMs;
        String sealed;
        try { // the clock and the cipher are the application's: whatever they throw fails the stage
            ttlMs = Math.max(1, Duration.between(clock.instant(), session.expiresAt()).toMillis());
            sealed = Base64.getEncoder().encodeToString(
                    cipher.seal(SessionBytes.encode(session), keys.associatedData(lease.generation())));
        } catch (Throwable e) {
            return CompletableFuture.failedFuture(new SharedStoreException(SharedStoreException.Reason.REJECTED,
                    "publish: the clock or the cipher failed (" + e.getClass().getSimpleName() + ")", e));
        }
        String message = Waiters.key(lease.identity()) + " " + lease.generation();
        return link.<List<Object>>eval(Script.PUBLISH, ScriptOutputType.MULTI,
                        new String[] {keys.session, keys.lease},
                        Long.toString(lease.generation()), keys.fingerprint(session.token()), sealed,
                        Long.toString(ttlMs), lease.owner(), keys.channel(), message)
                .thenApply(r -> {
                    long generation = asLong(r.get(1));
                    if (generation == lease.generation()) {
                        return new SharedSession(session, generation);
                    }
                    return stored(keys, generation, (String) r.get(2), (String) r.get(3), asLong(r.get(4)))
                            .orElseThrow(() -> new SharedStoreException(SharedStoreException.Reason.REJECTED,
                                    "publish: a newer session is stored but cannot be opened", null));
                });
    }

    @Override
    public CompletionStage<Void> release(Lease lease) {
        if (lease == null) {
            return invalid("lease is required");
        }
        FleetKeys keys = new FleetKeys(prefix, lease.identity());
        return link.<Long>eval(Script.RELEASE, ScriptOutputType.INTEGER, new String[] {keys.lease}, lease.owner())
                .thenApply(deleted -> null);
    }

    @Override
    public CompletionStage<Optional<SharedSession>> awaitNewer(FleetIdentity identity, long generation, Duration max) {
        if (identity == null || max == null || max.isNegative() || generation < 0) {
            return invalid("identity, a generation (0 or more) and a max (not negative) are required");
        }
        return waiters.await(identity, generation, max);
    }

    @Override
    public CompletionStage<Boolean> invalidate(FleetIdentity identity, SharedSession seen) {
        if (identity == null || seen == null) {
            return invalid("identity and seen are required");
        }
        FleetKeys keys = new FleetKeys(prefix, identity);
        return link.<Long>eval(Script.INVALIDATE, ScriptOutputType.INTEGER, new String[] {keys.session},
                        Long.toString(seen.generation()), keys.fingerprint(seen.session().token()))
                .thenApply(deleted -> deleted == 1L);
    }

    @Override
    public CompletionStage<Boolean> extend(FleetIdentity identity, SharedSession seen, Instant expiresAt) {
        if (identity == null || seen == null || expiresAt == null) {
            return invalid("identity, seen and expiresAt are required");
        }
        long ttlMs;
        try {
            ttlMs = Duration.between(clock.instant(), expiresAt).toMillis();
        } catch (Throwable e) { // the application's clock: fail the stage, never throw
            return CompletableFuture.failedFuture(e);
        }
        if (ttlMs <= 0) {
            return CompletableFuture.completedFuture(false);
        }
        FleetKeys keys = new FleetKeys(prefix, identity);
        return link.<Long>eval(Script.EXTEND, ScriptOutputType.INTEGER, new String[] {keys.session},
                        Long.toString(seen.generation()), keys.fingerprint(seen.session().token()),
                        Long.toString(ttlMs))
                .thenApply(extended -> extended == 1L);
    }

    @Override
    public CompletionStage<Void> backOff(long applicationId, Duration retryAfter) {
        if (applicationId <= 0 || retryAfter == null || retryAfter.toMillis() <= 0) {
            return invalid("a positive applicationId and a retryAfter of at least 1 ms are required");
        }
        return link.<Long>eval(Script.BACK_OFF, ScriptOutputType.INTEGER,
                        new String[] {FleetKeys.backOff(prefix, applicationId)}, Long.toString(retryAfter.toMillis()))
                .thenApply(set -> null);
    }

    @Override
    public CompletionStage<Duration> backOffRemaining(long applicationId) {
        if (applicationId <= 0) {
            return invalid("a positive applicationId is required");
        }
        String key = FleetKeys.backOff(prefix, applicationId);
        return link.command("backOffRemaining", redis -> redis.pttl(key).toCompletableFuture())
                .thenApply(ms -> ms == null || ms <= 0 ? Duration.ZERO : Duration.ofMillis(ms));
    }

    @Override
    public void close() {
        waiters.failAll(new SharedStoreException(SharedStoreException.Reason.CLOSED, "the store is closed", null));
        link.close();
        scheduler.shutdownNow();
    }

    @Override
    public String toString() {
        return "RedisSessionStore[" + where + ", cipher=" + cipher.getClass().getSimpleName() + "]";
    }

    /** The stored session from a script's reply, or empty when there is none or it does not open. */
    private Optional<SharedSession> stored(FleetKeys keys, long generation, String fingerprint, String sealed,
                                           long pttlMs) {
        if (generation <= 0 || pttlMs == -2 || sealed == null || sealed.isEmpty()) {
            return Optional.empty();
        }
        try {
            byte[] plain = cipher.open(Base64.getDecoder().decode(sealed), keys.associatedData(generation));
            Instant expiresAt = pttlMs > 0 ? clock.instant().plusMillis(pttlMs) : null;
            Session session = SessionBytes.decode(plain, expiresAt);
            if (!keys.fingerprint(session.token()).equals(fingerprint)) {
                throw new SessionCipherException("the stored session does not match its fingerprint", null);
            }
            return Optional.of(new SharedSession(session, generation));
        } catch (SessionCipherException | IllegalArgumentException e) {
            unreadable.incrementAndGet();
            long now = System.nanoTime() / 1_000_000;
            long last = lastUnreadableLog.get();
            if ((last == Long.MIN_VALUE || now - last >= UNREADABLE_LOG_EVERY_MS)
                    && lastUnreadableLog.compareAndSet(last, now)) {
                LOG.log(System.Logger.Level.WARNING, () -> "shared session store " + where + ": a stored session "
                        + "does not open (" + e.getMessage() + "); treated as absent, a new one will replace it ("
                        + unreadable.get() + " so far)");
            }
            return Optional.empty();
        }
    }

    private static long asLong(Object value) {
        return value instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(value));
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static <T> CompletableFuture<T> invalid(String message) {
        return CompletableFuture.failedFuture(new InvalidInputException(message));
    }

    /** Builds a {@link RedisSessionStore}. Not thread-safe. */
    public static final class Builder {
        private String uri;
        private SessionCipher cipher;
        private Duration operationTimeout = Duration.ofMillis(500);
        private Duration pollInterval = Duration.ofMillis(200);
        private boolean notifications = true;
        private String keyPrefix = "qbauth";
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * The Redis to use: {@code redis://[user:password@]host[:port][/db]}, or {@code rediss://} for TLS (the
         * server's certificate is verified). The password never appears in {@code toString}, logs or messages.
         */
        public Builder uri(String value) {
            uri = value;
            return this;
        }

        /** Seals the sessions at rest: {@link AesGcmSessionCipher#withKey} or an application's own. Required. */
        public Builder cipher(SessionCipher value) {
            cipher = value;
            return this;
        }

        /** The bound of every Redis operation (default 500 ms): a slow Redis never holds a caller longer. */
        public Builder operationTimeout(Duration value) {
            operationTimeout = value;
            return this;
        }

        /**
         * The first interval at which a waiter polls Redis besides pub/sub (default 200 ms, jittered ±50 %, growing
         * to five times that): the bound on a lost wake-up.
         */
        public Builder pollInterval(Duration value) {
            pollInterval = value;
            return this;
        }

        /**
         * Whether this instance subscribes to publication messages (default true). Off, waiters rely on polling
         * alone (for a Redis whose ACL forbids SUBSCRIBE). Publications are announced either way.
         */
        public Builder notifications(boolean value) {
            notifications = value;
            return this;
        }

        /** The first part of every key and channel (default {@code qbauth}); letters, digits, '-', '_', '.' only. */
        public Builder keyPrefix(String value) {
            keyPrefix = value;
            return this;
        }

        /** The clock that turns session expiries into Redis lifetimes (default the system's UTC clock). */
        public Builder clock(Clock value) {
            clock = value;
            return this;
        }

        /**
         * The store. It starts connecting in the background and does not wait for Redis.
         *
         * @throws ConfigurationException if the URI is missing or malformed (the message never quotes it), the cipher
         *                                is missing, or a duration or the prefix is invalid
         */
        public RedisSessionStore build() {
            if (cipher == null) {
                throw new ConfigurationException("cipher is required (AesGcmSessionCipher.withKey(key))");
            }
            if (clock == null) {
                throw new ConfigurationException("clock is required");
            }
            if (operationTimeout == null || operationTimeout.toMillis() <= 0
                    || pollInterval == null || pollInterval.toMillis() <= 0) {
                throw new ConfigurationException("operationTimeout and pollInterval must be at least 1 ms");
            }
            if (keyPrefix == null || !keyPrefix.matches("[A-Za-z0-9._-]{1,64}")) {
                throw new ConfigurationException(
                        "keyPrefix must be 1 to 64 letters, digits, '.', '_' or '-'");
            }
            return new RedisSessionStore(this, Masked.parse(uri));
        }
    }
}
