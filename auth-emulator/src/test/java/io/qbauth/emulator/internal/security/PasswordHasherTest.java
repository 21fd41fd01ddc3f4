package io.qbauth.emulator.internal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(1_000, new SecureRandom());

    @Test
    void verifies_the_right_password_only() {
        PasswordHash hash = hasher.hash(Secret.of("пароль123"));

        assertThat(hasher.matches(Secret.of("пароль123"), hash)).isTrue();
        assertThat(hasher.matches(Secret.of("пароль124"), hash)).isFalse();
        assertThat(hasher.matchesNothing(Secret.of("пароль123"))).isFalse();
    }

    @Test
    void salts_each_hash_and_never_prints_it() {
        PasswordHash first = hasher.hash(Secret.of("samePassword"));
        PasswordHash second = hasher.hash(Secret.of("samePassword"));

        assertThat(first.salt()).isNotEqualTo(second.salt()).hasSize(16);
        assertThat(first.derivedKey()).isNotEqualTo(second.derivedKey()).hasSize(32);
        assertThat(first.iterations()).isEqualTo(1_000);
        assertThat(first.toString()).isEqualTo("PasswordHash[PBKDF2WithHmacSHA256, iterations=1000, ***]");
        assertThat(Secret.of("samePassword").toString()).isEqualTo("***");
    }

    @Test
    void needs_at_least_one_iteration() {
        assertThatThrownBy(() -> new PasswordHasher(0, new SecureRandom()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void policy_reports_too_short_and_bad_characters_together() {
        assertThat(PasswordPolicy.violations(Secret.of("goodPass1!"))).isEmpty();
        assertThat(PasswordPolicy.violations(Secret.of("пароль123"))).isEmpty();
        assertThat(PasswordPolicy.violations(Secret.of("short"))).containsExactly(PasswordPolicy.TOO_SHORT);
        assertThat(PasswordPolicy.violations(Secret.of("has spaces in it"))).containsExactly(
                PasswordPolicy.BAD_CHARACTERS);
        assertThat(PasswordPolicy.violations(Secret.of("a b"))).containsExactly(PasswordPolicy.BAD_CHARACTERS,
                PasswordPolicy.TOO_SHORT);
    }
}
