package io.qbauth.emulator.internal.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

class UserDirectoryTest {

    private static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);
    private final UserDirectory users = new UserDirectory();

    @Test
    void finds_users_by_id_and_by_case_insensitive_login_and_email() {
        UserAccount alice = users.create(UserProfile.builder().login("Alice").email("A@X.io").build(), null, NOW);

        assertThat(users.find(alice.id())).contains(alice);
        assertThat(users.find(UserKey.LOGIN, "ALICE")).contains(alice);
        assertThat(users.find(UserKey.EMAIL, "a@x.io")).contains(alice);
        assertThat(users.find(UserKey.LOGIN, "bob")).isEmpty();
    }

    @Test
    void only_ascii_letters_are_folded_no_unicode_case_mapping_makes_two_logins_one() {
        UserAccount kate = users.create(UserProfile.builder().login("kate_user").email("kate@example.com").build(),
                null, NOW);

        assertThat(users.find(UserKey.LOGIN, "KATE_user")).contains(kate);
        assertThat(users.find(UserKey.LOGIN, "\u212Aate_user")).as("KELVIN SIGN is not K").isEmpty();
        assertThat(users.find(UserKey.EMAIL, "\u212Aate@example.com")).isEmpty();
        assertThat(users.find(UserKey.EMAIL, "KATE@EXAMPLE.COM")).contains(kate);
        UserAccount turkish = users.create(UserProfile.builder().login("\u0130stanbul").build(), null, NOW);
        assertThat(users.find(UserKey.LOGIN, "i\u0307stanbul")).as("no Unicode lower-casing of \u0130").isEmpty();
        assertThat(users.find(UserKey.LOGIN, "\u0130STANBUL")).contains(turkish);
    }

    @Test
    void keeps_unique_attributes_unique_across_updates() {
        UserAccount alice = users.create(UserProfile.builder().login("alice").facebookId("1").build(), null, NOW);
        UserAccount bob = users.create(UserProfile.builder().login("bob").build(), null, NOW);

        assertThatThrownBy(() -> users.update(bob.id(), UserProfile.builder().login("ALICE").facebookId("1").build(),
                null, NOW)).isInstanceOf(ValidationFailure.class)
                .extracting(failure -> ((ValidationFailure) failure).errors().keySet())
                .asInstanceOf(InstanceOfAssertFactories.ITERABLE)
                .containsExactly("login", "facebook_id");

        users.update(alice.id(), alice.profile().toBuilder().login("alice2").build(), null, NOW);
        assertThat(users.find(UserKey.LOGIN, "alice")).isEmpty();
        assertThat(users.create(UserProfile.builder().login("alice").build(), null, NOW).id()).isPositive();
        assertThat(users.update(999, UserProfile.builder().login("x").build(), null, NOW)).isEmpty();
    }

    @Test
    void concurrent_sign_ups_of_one_login_create_one_user() throws Exception {
        int threads = 8;
        AtomicInteger created = new AtomicInteger();
        AtomicInteger taken = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<CompletableFuture<Void>> attempts = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                attempts.add(CompletableFuture.runAsync(() -> {
                    awaitQuietly(start);
                    try {
                        users.create(UserProfile.builder().login("racer").build(), null, NOW);
                        created.incrementAndGet();
                    } catch (ValidationFailure e) {
                        taken.incrementAndGet();
                    }
                }, pool));
            }
            start.countDown();
            CompletableFuture.allOf(attempts.toArray(CompletableFuture[]::new)).join();
        } finally {
            pool.shutdownNow();
        }

        assertThat(created).hasValue(1);
        assertThat(taken).hasValue(threads - 1);
    }

    @Test
    void find_or_create_creates_once_and_record_login_stamps_the_time() {
        UserAccount first = users.findOrCreate(UserKey.PHONE, "+1", () -> UserProfile.builder().phone("+1").build(),
                NOW);
        UserAccount again = users.findOrCreate(UserKey.PHONE, "+1", () -> UserProfile.builder().phone("+1").build(),
                NOW);

        assertThat(again).isEqualTo(first);
        assertThat(first.lastRequestAt()).isNull();
        Instant later = NOW.plusSeconds(5);
        assertThat(users.recordLogin(first, later).lastRequestAt()).isEqualTo(later);
        assertThat(users.find(first.id()).orElseThrow().lastRequestAt()).isEqualTo(later);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
