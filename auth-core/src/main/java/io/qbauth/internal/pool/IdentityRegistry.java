package io.qbauth.internal.pool;

import io.qbauth.config.UserPoolConfig;
import io.qbauth.domain.ClientClosedException;
import io.qbauth.domain.ErrorDetails;
import io.qbauth.domain.InvalidInputException;
import io.qbauth.domain.RateLimitedException;
import io.qbauth.event.AuthEvent.PoolIdentityAdded;
import io.qbauth.event.AuthEvent.PoolIdentityRemoved;
import io.qbauth.event.AuthEvent.RemovalReason;
import io.qbauth.internal.session.Identity;
import io.qbauth.internal.session.LiveSession;
import io.qbauth.internal.session.SingleFlightSessionCache;
import io.qbauth.internal.wiring.Wiring;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The identities a pool holds, by application key, within the pool's bounds.
 *
 * <ul>
 *   <li>Lookup of a held identity: one {@link ConcurrentHashMap#get} and one compare-and-set on the entry's lease
 *       count; no lock.</li>
 *   <li>Adding: a slot is reserved first (compare-and-set on the held count), so the count never exceeds the bound
 *       even for an instant. When the pool is full, the least recently used entry with no call in progress is
 *       evicted. Candidates come from one scan of the map that keeps the oldest unused entries in order; they are
 *       evicted one at a time as slots are needed (a candidate used since the scan is skipped), so a scan is
 *       amortised over many additions. The scan and the candidate list are under a lock; nothing else is, and no
 *       I/O happens under it. No unused entry at all: {@link RateLimitedException} (status 0), nothing sent.</li>
 *   <li>Idle entries (unused longer than the idle timeout) are swept by {@link #sweepIdle()}, which the pool runs on
 *       its one background thread.</li>
 * </ul>
 */
public final class IdentityRegistry {

    private static final System.Logger LOG = System.getLogger(IdentityRegistry.class.getName());
    private static final int MAX_KEY_LENGTH = 1024;

    /** An eviction candidate and when it was last used at the time of the scan that found it. */
    private record Candidate(PoolEntry entry, long lastUsedMillis) {
    }

    private final Wiring wiring;
    private final Clock clock;
    private final int maxIdentities;
    private final long idleMillis;
    private final boolean destroyOnEviction;
    private final int candidatesPerScan;
    private final ConcurrentHashMap<String, PoolEntry> entries;
    private final AtomicInteger held = new AtomicInteger();
    private final ReentrantLock evictionLock = new ReentrantLock();
    private final ArrayDeque<Candidate> candidates = new ArrayDeque<>(); // guarded by evictionLock
    private volatile boolean closed;

    public IdentityRegistry(Wiring wiring, UserPoolConfig config) {
        this.wiring = wiring;
        this.clock = wiring.config().clock();
        this.maxIdentities = config.maxIdentities();
        this.idleMillis = config.idleTimeout().toMillis();
        this.destroyOnEviction = config.destroySessionOnEviction();
        this.candidatesPerScan = Math.max(16, Math.min(4096, maxIdentities / 16));
        this.entries = new ConcurrentHashMap<>(Math.min(maxIdentities, 1 << 16));
    }

    /** The shared wiring. */
    public Wiring wiring() {
        return wiring;
    }

    /** Identities held now. */
    public int size() {
        return held.get();
    }

    /** Whether the pool is closed. */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Checks a key: non-blank, at most 1 024 characters, no control character.
     *
     * @throws InvalidInputException naming the key, never quoting it
     */
    public static String checkKey(String key) {
        if (key == null) {
            throw new InvalidInputException("key is required");
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH || key.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("key must be non-blank text of at most " + MAX_KEY_LENGTH
                    + " characters without control characters");
        }
        return key;
    }

    /**
     * Fails if {@code key} is held for another identity than {@code identity}.
     *
     * @throws InvalidInputException if it is
     * @throws ClientClosedException if the pool is closed
     */
    public void checkMapping(String key, Identity.User identity) {
        failIfClosed();
        PoolEntry entry = entries.get(key);
        if (entry != null && !entry.identity.equals(identity)) {
            throw mappedElsewhere();
        }
    }

    /**
     * The entry of {@code key} leased for one call (added if not held); release it with {@link #release}.
     *
     * @throws InvalidInputException  if the key is held for another identity
     * @throws ClientClosedException  if the pool is closed
     * @throws RateLimitedException   if the pool is full and every held identity is in use
     */
    PoolEntry lease(String key, Identity.User identity) {
        while (true) {
            failIfClosed();
            long now = clock.millis();
            PoolEntry entry = entries.get(key);
            if (entry != null) {
                if (!entry.identity.equals(identity)) {
                    throw mappedElsewhere();
                }
                if (entry.tryLease(now)) {
                    return entry;
                }
                entries.remove(key, entry); // marked removed, still mapped for an instant: unmap it, look again
                continue;
            }
            PoolEntry added = add(key, identity, now);
            if (added != null) {
                return added;
            }
        }
    }

    /**
     * The entry of {@code key} leased for one call if it is held, nothing added.
     *
     * @throws InvalidInputException if the key is held for another identity
     * @throws ClientClosedException if the pool is closed
     */
    Optional<PoolEntry> leaseIfHeld(String key, Identity.User identity) {
        failIfClosed();
        PoolEntry entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (!entry.identity.equals(identity)) {
            throw mappedElsewhere();
        }
        return entry.tryLease(clock.millis()) ? Optional.of(entry) : Optional.empty();
    }

    /** Ends a call's lease on {@code entry}. */
    void release(PoolEntry entry) {
        entry.release(clock.millis());
    }

    /** The entry held for {@code key}, if it is held for {@code identity}; no lease, nothing added. */
    Optional<PoolEntry> peek(String key, Identity.User identity) {
        PoolEntry entry = entries.get(key);
        return entry != null && entry.identity.equals(identity) ? Optional.of(entry) : Optional.empty();
    }

    /**
     * Stops holding {@code entry} (logout, destroy): calls in progress finish on it, the next call for its key gets a
     * new identity.
     */
    void remove(PoolEntry entry, RemovalReason reason) {
        if (entry.remove()) {
            forget(entry, reason);
        }
    }

    /** Stops holding whatever {@code key} is mapped to (replacement). */
    public void removeKey(String key) {
        PoolEntry entry = entries.get(key);
        if (entry != null) {
            remove(entry, RemovalReason.REPLACED);
        }
    }

    /** Evicts every entry unused for longer than the idle timeout. */
    public void sweepIdle() {
        long now = clock.millis();
        for (PoolEntry entry : entries.values()) {
            if (now - entry.lastUsedMillis() >= idleMillis && !entry.inUse() && entry.tryEvict()) {
                evicted(entry, RemovalReason.EVICTED_IDLE);
            }
        }
    }

    /** Fails every session creation in flight, stops holding every identity; idempotent. */
    public void close() {
        closed = true;
        ClientClosedException closedError = new ClientClosedException("the user pool is closed");
        for (PoolEntry entry : entries.values()) {
            if (entry.remove()) {
                entry.cache.close(closedError);
                forget(entry, RemovalReason.POOL_CLOSED);
            }
        }
    }

    private PoolEntry add(String key, Identity.User identity, long now) {
        reserveSlot();
        PoolEntry fresh;
        try {
            SingleFlightSessionCache cache = wiring.userCache(identity, NoSessionStore.INSTANCE,
                    FleetKeys.of(key, identity));
            fresh = new PoolEntry(key, identity, cache, wiring.executor(cache), now);
        } catch (Throwable e) {
            held.decrementAndGet();
            throw e;
        }
        fresh.leaseNew();
        if (entries.putIfAbsent(key, fresh) != null) {
            held.decrementAndGet(); // another call added it first: use that one
            return null;
        }
        if (closed) { // closed between the check and the put: close() may not have seen it
            if (fresh.remove()) {
                fresh.cache.close(new ClientClosedException("the user pool is closed"));
                forget(fresh, RemovalReason.POOL_CLOSED);
            }
            failIfClosed();
        }
        wiring.events().publish(new PoolIdentityAdded(KeyHashes.of(key)));
        return fresh;
    }

    private void reserveSlot() {
        while (true) {
            int current = held.get();
            if (current < maxIdentities) {
                if (held.compareAndSet(current, current + 1)) {
                    return;
                }
                continue;
            }
            PoolEntry victim = evictLeastRecentlyUsed();
            if (victim == null) {
                throw new RateLimitedException("the user pool is full: all " + maxIdentities
                        + " identities it may hold are in use by calls in progress; retry when one completes, or "
                        + "raise UserPoolConfig.maxIdentities", 0, ErrorDetails.NONE, null);
            }
            evicted(victim, RemovalReason.EVICTED_CAPACITY);
        }
    }

    /** Marks the least recently used unused entry removed and returns it; null if every entry is in use. */
    private PoolEntry evictLeastRecentlyUsed() {
        evictionLock.lock();
        try {
            for (int scans = 0; scans < 2; scans++) {
                Candidate candidate;
                while ((candidate = candidates.pollFirst()) != null) {
                    PoolEntry entry = candidate.entry();
                    if (entry.lastUsedMillis() == candidate.lastUsedMillis() && entry.tryEvict()) {
                        return entry;
                    }
                }
                if (!scanForCandidates()) {
                    return null;
                }
            }
            return null;
        } finally {
            evictionLock.unlock();
        }
    }

    /** Fills the candidates with the oldest unused entries, oldest first; false if there is none. */
    private boolean scanForCandidates() {
        PriorityQueue<Candidate> newest = new PriorityQueue<>(candidatesPerScan + 1,
                Comparator.comparingLong(Candidate::lastUsedMillis).reversed());
        for (PoolEntry entry : entries.values()) {
            if (entry.inUse()) {
                continue;
            }
            long lastUsed = entry.lastUsedMillis();
            if (newest.size() < candidatesPerScan) {
                newest.add(new Candidate(entry, lastUsed));
            } else if (lastUsed < newest.peek().lastUsedMillis()) {
                newest.poll();
                newest.add(new Candidate(entry, lastUsed));
            }
        }
        List<Candidate> oldestFirst = new ArrayList<>(newest);
        oldestFirst.sort(Comparator.comparingLong(Candidate::lastUsedMillis));
        candidates.addAll(oldestFirst);
        return !oldestFirst.isEmpty();
    }

    /** Forgets an entry marked removed by eviction, whatever application code (the clock) throws on the way. */
    private void evicted(PoolEntry entry, RemovalReason reason) {
        Optional<LiveSession> live = Optional.empty();
        try {
            live = entry.cache.current();
            entry.cache.close(new ClientClosedException("the user pool evicted this identity"));
        } finally {
            forget(entry, reason);
        }
        if (destroyOnEviction) {
            live.ifPresent(wiring.sessions()::discard);
        }
    }

    /** Called once per entry, by the call that marked it removed: that call gives its slot back. */
    private void forget(PoolEntry entry, RemovalReason reason) {
        entries.remove(entry.key, entry);
        held.decrementAndGet();
        wiring.events().publish(new PoolIdentityRemoved(KeyHashes.of(entry.key), reason));
    }

    private void failIfClosed() {
        if (closed) {
            throw new ClientClosedException("the user pool is closed");
        }
    }

    private static InvalidInputException mappedElsewhere() {
        return new InvalidInputException("the key is held with other credentials than those given: use the same "
                + "credentials, or map the key anew with UserPool.replaceUser");
    }
}
