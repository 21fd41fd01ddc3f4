package io.qbauth.emulator.internal.state;

import io.qbauth.emulator.internal.security.PasswordHash;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The users of one application. Reads are lock-free; writes take a short in-memory lock so that the unique
 * attributes (login, email, Facebook id, external user id) stay unique under concurrent sign-ups.
 */
public final class UserDirectory {

    private final ConcurrentHashMap<Long, UserAccount> byId = new ConcurrentHashMap<>();
    private final Map<UserKey, ConcurrentHashMap<String, Long>> indexes = new EnumMap<>(UserKey.class);
    private final ReentrantLock writes = new ReentrantLock();
    private final AtomicLong lastId = new AtomicLong();

    UserDirectory() {
        for (UserKey key : UserKey.values()) {
            indexes.put(key, new ConcurrentHashMap<>());
        }
    }

    /** The user with this id. */
    public Optional<UserAccount> find(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The user whose {@code key} attribute equals {@code value} (case-insensitively for login and email). */
    public Optional<UserAccount> find(UserKey key, String value) {
        Long id = indexes.get(key).get(key.normalize(value));
        return id == null ? Optional.empty() : find(id);
    }

    /**
     * The wire names of the unique attributes of {@code profile} that a user other than {@code selfId} already
     * holds, in {@link UserKey} order. Use {@code 0} as {@code selfId} for a new user.
     */
    public List<String> takenFields(UserProfile profile, long selfId) {
        List<String> taken = new ArrayList<>(1);
        for (UserKey key : UserKey.values()) {
            String value = key.keyOf(profile);
            if (key.unique() && value != null) {
                Long holder = indexes.get(key).get(value);
                if (holder != null && holder != selfId) {
                    taken.add(key.field());
                }
            }
        }
        return taken;
    }

    /**
     * Adds a user.
     *
     * @throws ValidationFailure when a unique attribute is taken
     */
    public UserAccount create(UserProfile profile, PasswordHash passwordHash, Instant now) {
        writes.lock();
        try {
            rejectTaken(profile, 0);
            UserAccount account = new UserAccount(lastId.incrementAndGet(), profile, passwordHash, now, now, null);
            store(account, null);
            return account;
        } finally {
            writes.unlock();
        }
    }

    /**
     * Replaces the profile (and, when {@code newPasswordHash} is not null, the password) of a user.
     *
     * @return the updated user, or empty when no user has that id
     * @throws ValidationFailure when a unique attribute is taken by another user
     */
    public Optional<UserAccount> update(long id, UserProfile profile, PasswordHash newPasswordHash, Instant now) {
        writes.lock();
        try {
            UserAccount current = byId.get(id);
            if (current == null) {
                return Optional.empty();
            }
            rejectTaken(profile, id);
            UserAccount updated = current.withProfile(profile, newPasswordHash, now);
            store(updated, current.profile());
            return Optional.of(updated);
        } finally {
            writes.unlock();
        }
    }

    /**
     * The user whose {@code key} attribute is {@code value}, created from {@code newProfile} if there is none (what
     * QuickBlox does on a user's first provider login). Atomic: concurrent first logins create one user.
     */
    public UserAccount findOrCreate(UserKey key, String value, Supplier<UserProfile> newProfile, Instant now) {
        Optional<UserAccount> existing = find(key, value);
        if (existing.isPresent()) {
            return existing.get();
        }
        writes.lock();
        try {
            return find(key, value).orElseGet(() -> create(newProfile.get(), null, now));
        } finally {
            writes.unlock();
        }
    }

    /** Records a successful login: {@code last_request_at} and {@code updated_at} become {@code now}. */
    public UserAccount recordLogin(UserAccount account, Instant now) {
        writes.lock();
        try {
            UserAccount updated = byId.getOrDefault(account.id(), account).loggedInAt(now);
            byId.put(updated.id(), updated);
            return updated;
        } finally {
            writes.unlock();
        }
    }

    private void rejectTaken(UserProfile profile, long selfId) {
        List<String> taken = takenFields(profile, selfId);
        if (!taken.isEmpty()) {
            Map<String, List<String>> errors = new LinkedHashMap<>();
            taken.forEach(field -> errors.put(field, List.of(ValidationFailure.TAKEN)));
            throw new ValidationFailure(errors);
        }
    }

    private void store(UserAccount account, UserProfile previous) {
        byId.put(account.id(), account);
        for (UserKey key : UserKey.values()) {
            ConcurrentHashMap<String, Long> index = indexes.get(key);
            String oldValue = previous == null ? null : key.keyOf(previous);
            String newValue = key.keyOf(account.profile());
            if (oldValue != null && !oldValue.equals(newValue)) {
                index.remove(oldValue, account.id());
            }
            if (newValue != null) {
                index.putIfAbsent(newValue, account.id());
            }
        }
    }
}
