package io.qbauth.emulator.internal;

import io.qbauth.emulator.internal.security.Secret;

/**
 * A user to create at start.
 *
 * @param applicationId the application the user belongs to
 * @param login login, not blank
 * @param password password (seeded users skip the sign-up password rules: fixtures may need any password)
 * @param email e-mail, or {@code null}
 * @param fullName full name, or {@code null}
 */
public record SeedUser(long applicationId, String login, Secret password, String email, String fullName) {
}
