package io.qbauth.emulator.internal.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionStoreTest {

    private static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);
    private final SessionStore store = new SessionStore(Duration.ofMinutes(10), new SecureRandom());

    @Test
    void createsSessionsWithFortyHexTokensAndIncreasingIds() {
        Session first = store.create(1, 0, 5, 6, NOW);
        Session second = store.create(1, 0, 5, 6, NOW);

        assertThat(first.token()).matches("[0-9a-f]{40}").isNotEqualTo(second.token());
        assertThat(second.id()).isEqualTo(first.id() + 1);
        assertThat(first.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
        assertThat(first.toString()).doesNotContain(first.token());
    }

    @Test
    void touchSlidesTheExpiryUntilTheSessionIdlesOut() {
        Session session = store.create(1, 0, 0, 0, NOW);

        Instant later = NOW.plus(Duration.ofMinutes(9));
        assertThat(store.touch(session.token(), later)).get().extracting(Session::expiresAt)
                .isEqualTo(later.plus(Duration.ofMinutes(10)));
        assertThat(store.touch(session.token(), later.plus(Duration.ofMinutes(10)))).isEmpty();
        assertThat(store.touch(session.token(), later)).as("removed once expired").isEmpty();
    }

    @Test
    void bindsAndUnbindsUsers() {
        Session session = store.create(1, 0, 0, 0, NOW);
        Instant later = NOW.plusSeconds(30);

        Session bound = store.bindUser(session.token(), 42, later).orElseThrow();

        assertThat(bound.userId()).isEqualTo(42);
        assertThat(bound.updatedAt()).isEqualTo(later);
        assertThat(bound.createdAt()).isEqualTo(NOW);
        assertThat(store.bindUser(session.token(), 0, later).orElseThrow().hasUser()).isFalse();
        store.delete(session.token());
        assertThat(store.bindUser(session.token(), 42, later)).isEmpty();
    }

    @Test
    void countsAndEvictsPerApplication() {
        store.create(1, 0, 0, 0, NOW);
        store.create(1, 0, 0, 0, NOW.plus(Duration.ofMinutes(5)));
        store.create(2, 0, 0, 0, NOW);
        Instant later = NOW.plus(Duration.ofMinutes(12));

        assertThat(store.countLive(1, NOW)).isEqualTo(2);
        assertThat(store.countLive(1, later)).isEqualTo(1);
        assertThat(store.countLive(2, later)).isZero();
        store.evictExpired(later);
        assertThat(store.countLive(1, NOW)).isEqualTo(1);
    }
}
