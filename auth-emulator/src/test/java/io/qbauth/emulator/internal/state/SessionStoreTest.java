package io.qbauth.emulator.internal.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionStoreTest {

    private static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);
    private final SessionStore store = new SessionStore(Duration.ofMinutes(10), 1_000, new SecureRandom());

    @Test
    void creates_sessions_with_forty_hex_tokens_and_increasing_ids() {
        Session first = store.create(1, 0, 5, 6, NOW);
        Session second = store.create(1, 0, 5, 6, NOW);

        assertThat(first.token()).matches("[0-9a-f]{40}").isNotEqualTo(second.token());
        assertThat(second.id()).isEqualTo(first.id() + 1);
        assertThat(first.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
        assertThat(first.toString()).doesNotContain(first.token());
    }

    @Test
    void touch_slides_the_expiry_until_the_session_idles_out() {
        Session session = store.create(1, 0, 0, 0, NOW);

        Instant later = NOW.plus(Duration.ofMinutes(9));
        assertThat(store.touch(session.token(), later)).get().extracting(Session::expiresAt)
                .isEqualTo(later.plus(Duration.ofMinutes(10)));
        assertThat(store.touch(session.token(), later.plus(Duration.ofMinutes(10)))).isEmpty();
        assertThat(store.touch(session.token(), later)).as("removed once expired").isEmpty();
    }

    @Test
    void binds_and_unbinds_users() {
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
    void counts_and_evicts_per_application() {
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

    @Test
    void a_sweep_examines_at_most_its_budget_and_resumes_where_the_last_one_stopped() {
        for (int i = 0; i < 25; i++) {
            store.create(1, 0, 0, 0, NOW);
        }
        Instant later = NOW.plus(Duration.ofMinutes(11));

        assertThat(store.sweep(later, 10)).isEqualTo(10);
        assertThat(store.countStored(1)).isEqualTo(15);
        assertThat(store.sweep(later, 10)).isEqualTo(10);
        assertThat(store.sweep(later, 10)).as("the end of the pass").isEqualTo(5);
        assertThat(store.countStored(1)).isZero();
        assertThat(store.sweep(later, 10)).as("nothing left").isZero();
    }

    @Test
    void an_application_holds_at_most_its_limit_of_sessions_and_removals_make_room() {
        SessionStore small = new SessionStore(Duration.ofMinutes(10), 2, new SecureRandom());
        Session first = small.create(1, 0, 0, 0, NOW);
        small.create(1, 0, 0, 0, NOW);

        assertThatThrownBy(() -> small.create(1, 0, 0, 0, NOW)).isInstanceOf(SessionLimitExceeded.class);
        assertThat(small.create(2, 0, 0, 0, NOW)).as("another application has its own limit").isNotNull();
        small.delete(first.token());
        Session third = small.create(1, 0, 0, 0, NOW);
        assertThat(small.touch(third.token(), NOW.plus(Duration.ofMinutes(10)))).as("expired on lookup").isEmpty();
        assertThat(small.countStored(1)).isEqualTo(1);
        assertThat(small.clear()).isEqualTo(2);
        assertThat(small.countStored(1)).isZero();
        assertThat(small.countStored(2)).isZero();
    }
}
