package io.qbauth.emulator.internal.state;

import io.qbauth.emulator.internal.security.PasswordHash;
import java.time.Instant;
import java.util.Optional;

/**
 * A stored user. Immutable: changes produce a new account that replaces the old one in the {@link UserDirectory}.
 *
 * @param id the user id, unique within the application
 * @param profile public attributes
 * @param passwordHash the password hash; {@code null} for users created by a provider login, who have no password
 * @param createdAt creation time
 * @param updatedAt last change of the profile, password or login time
 * @param lastRequestAt last successful login; {@code null} for a user who never logged in
 */
public record UserAccount(
        long id, UserProfile profile, PasswordHash passwordHash, Instant createdAt, Instant updatedAt,
        Instant lastRequestAt) {

    /** The password hash, absent for provider-only users. */
    public Optional<PasswordHash> password() {
        return Optional.ofNullable(passwordHash);
    }

    UserAccount withProfile(UserProfile newProfile, PasswordHash newHash, Instant now) {
        return new UserAccount(id, newProfile, newHash == null ? passwordHash : newHash, createdAt, now,
                lastRequestAt);
    }

    UserAccount loggedInAt(Instant now) {
        return new UserAccount(id, profile, passwordHash, createdAt, now, now);
    }
}
