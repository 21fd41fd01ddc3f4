package io.qbauth.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.config.RefreshPolicy;
import io.qbauth.domain.AuthException;
import io.qbauth.domain.ErrorDetails;
import io.qbauth.domain.InvalidCredentialsException;
import io.qbauth.domain.ServerException;
import io.qbauth.domain.Session;
import io.qbauth.domain.SessionExpiredException;
import io.qbauth.domain.SessionKind;
import io.qbauth.domain.SessionToken;
import io.qbauth.event.AuthEvent;
import io.qbauth.event.AuthEvent.CreationReason;
import io.qbauth.event.AuthEvent.InvalidationOutcome;
import io.qbauth.config.SessionStore;
import io.qbauth.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SingleFlightSessionCacheTest {

    private static final Identity APP = new Identity.Application();

    private final ManualClock clock = new ManualClock(Instant.parse("2030-01-01T00:00:00Z"));
    private final FakeSource source = new FakeSource();
    private final Queue<AuthEvent> events = new ConcurrentLinkedQueue<>();
    private final SessionStore store = SessionStore.inMemory();
    private final SingleFlightSessionCache cache = new SingleFlightSessionCache(RefreshPolicy.ofDefaults(), clock,
            source, new Events(List.of(events::add)), store, APP, null);

    /** A session source whose creations the test completes by hand. */
    private final class FakeSource implements SessionSource {
        final AtomicInteger creations = new AtomicInteger();
        final Queue<CompletableFuture<LiveSession>> pending = new ConcurrentLinkedQueue<>();
        final Queue<LiveSession> discarded = new ConcurrentLinkedQueue<>();
        final Queue<String> notices = new ConcurrentLinkedQueue<>();

        @Override
        public void rejected(Identity identity, LiveSession live) {
            notices.add("rejected " + live.token().value());
        }

        @Override
        public void extended(Identity identity, LiveSession live) {
            notices.add("extended " + live.token().value());
        }

        @Override
        public CompletableFuture<LiveSession> create(Identity identity) {
            creations.incrementAndGet();
            CompletableFuture<LiveSession> creation = new CompletableFuture<>();
            pending.add(creation);
            return creation;
        }

        @Override
        public void discard(LiveSession session) {
            discarded.add(session);
        }

        void completeNext(LiveSession session) {
            pending.remove().complete(session);
        }

        void failNext(AuthException error) {
            pending.remove().completeExceptionally(error);
        }
    }

    private LiveSession session(String token, Duration lifetime) {
        return new LiveSession(new Session(new SessionToken(token), SessionKind.APPLICATION, 1, 0, 1, clock.instant(),
                clock.instant().plus(lifetime), Session.Origin.CREATED));
    }

    @Test
    void five_hundred_concurrent_callers_on_an_expired_session_cause_exactly_one_creation() throws Exception {
        cache.reset(APP, session("old", Duration.ofSeconds(30)));
        int callers = 500;
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch acquired = new CountDownLatch(callers);
        List<CompletableFuture<LiveSession>> results = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<java.util.concurrent.Future<CompletableFuture<LiveSession>>> submitted = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                submitted.add(threads.submit(() -> {
                    start.await();
                    CompletableFuture<LiveSession> mine = cache.acquire();
                    acquired.countDown();
                    return mine;
                }));
            }
            start.countDown();
            assertThat(acquired.await(10, TimeUnit.SECONDS)).isTrue();
            for (var future : submitted) {
                results.add(future.get());
            }
        }
        source.completeNext(session("new", Duration.ofHours(2)));

        assertThat(source.creations).hasValue(1);
        for (CompletableFuture<LiveSession> result : results) {
            assertThat(result.get(1, TimeUnit.SECONDS).token().value()).isEqualTo("new");
        }
        assertThat(events.stream().filter(e -> e instanceof AuthEvent.FlightJoined)).hasSize(callers - 1);
        assertThat(events).contains(new AuthEvent.SessionExpired(SessionKind.APPLICATION),
                new AuthEvent.SessionRecreated(SessionKind.APPLICATION));
        assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(AuthEvent.SessionCreated.class,
                created -> assertThat(created.reason()).isEqualTo(CreationReason.EXPIRED_LOCALLY)));
    }

    @Test
    void a_fresh_session_is_served_as_the_same_completed_future_without_a_creation() {
        cache.reset(APP, session("fresh", Duration.ofHours(2)));

        CompletableFuture<LiveSession> first = cache.acquire();

        assertThat(first).isCompleted();
        assertThat(cache.acquire()).isSameAs(first);
        assertThat(source.creations).hasValue(0);
    }

    @Test
    void a_caller_that_cancels_or_times_out_does_not_cancel_the_shared_creation() {
        CompletableFuture<LiveSession> impatient = cache.acquire();
        CompletableFuture<LiveSession> timingOut = cache.acquire().orTimeout(1, TimeUnit.MILLISECONDS);
        CompletableFuture<LiveSession> patient = cache.acquire();

        impatient.cancel(true);
        assertThat(timingOut).failsWithin(Duration.ofSeconds(1)).withThrowableOfType(Exception.class)
                .withCauseInstanceOf(TimeoutException.class);
        source.completeNext(session("s1", Duration.ofHours(2)));

        assertThat(patient).isCompletedWithValueMatching(s -> s.token().value().equals("s1"));
        assertThat(cache.current()).hasValueSatisfying(s -> assertThat(s.token().value()).isEqualTo("s1"));
        assertThat(source.creations).hasValue(1);
    }

    @Test
    void the_new_session_is_published_before_any_waiter_sees_it() {
        List<String> seenByWaiter = new ArrayList<>();
        cache.acquire().thenAccept(s -> seenByWaiter.add(cache.current().orElseThrow().token().value()));

        source.completeNext(session("s1", Duration.ofHours(2)));

        assertThat(seenByWaiter).containsExactly("s1");
        assertThat(store.load()).hasValueSatisfying(s -> assertThat(s.token().value()).isEqualTo("s1"));
    }

    @Test
    void a_reset_during_a_creation_keeps_the_late_session_out_and_discards_it() {
        CompletableFuture<LiveSession> waiter = cache.acquire();

        cache.reset(APP, null); // e.g. logout() or destroySession()
        source.completeNext(session("late", Duration.ofHours(2)));

        assertThat(cache.current()).isEmpty();
        assertThat(waiter).failsWithin(Duration.ofSeconds(1)).withThrowableOfType(Exception.class)
                .withCauseInstanceOf(SessionExpiredException.class);
        assertThat(source.discarded).extracting(s -> s.token().value()).containsExactly("late");
        // the next caller starts a fresh creation instead of joining the superseded one
        CompletableFuture<LiveSession> next = cache.acquire();
        source.completeNext(session("fresh", Duration.ofHours(2)));
        assertThat(next).isCompletedWithValueMatching(s -> s.token().value().equals("fresh"));
    }

    @Test
    void every_joiner_fails_together_and_invalid_credentials_are_never_retried() {
        CompletableFuture<LiveSession> first = cache.acquire();
        CompletableFuture<LiveSession> second = cache.acquire();
        source.failNext(new InvalidCredentialsException("401", 401, ErrorDetails.NONE));

        assertThat(first).isCompletedExceptionally();
        assertThat(second).isCompletedExceptionally();
        clock.advance(Duration.ofHours(1));
        assertThat(cache.acquire()).failsWithin(Duration.ZERO).withThrowableOfType(Exception.class)
                .withCauseInstanceOf(InvalidCredentialsException.class);
        assertThat(source.creations).hasValue(1);
    }

    @Test
    void a_recoverable_failure_is_retried_once_per_back_off_interval() {
        cache.acquire();
        source.failNext(new ServerException("503", 503, ErrorDetails.NONE));

        assertThat(cache.acquire()).isCompletedExceptionally();
        assertThat(source.creations).hasValue(1);

        clock.advance(RefreshPolicy.DEFAULT_MIN_RETRY_INTERVAL);
        CompletableFuture<LiveSession> retry = cache.acquire();
        assertThat(source.creations).hasValue(2);
        source.failNext(new ServerException("503", 503, ErrorDetails.NONE));
        assertThat(retry).isCompletedExceptionally();

        clock.advance(RefreshPolicy.DEFAULT_MIN_RETRY_INTERVAL); // the interval has doubled: not yet
        assertThat(cache.acquire()).isCompletedExceptionally();
        assertThat(source.creations).hasValue(2);
        clock.advance(RefreshPolicy.DEFAULT_MIN_RETRY_INTERVAL);
        CompletableFuture<LiveSession> third = cache.acquire();
        source.completeNext(session("ok", Duration.ofHours(2)));
        assertThat(third).isCompletedWithValueMatching(s -> s.token().value().equals("ok"));
    }

    @Test
    void compare_and_invalidate_drops_a_token_only_while_it_is_current() {
        LiveSession old = session("old", Duration.ofHours(2));
        cache.reset(APP, old);

        assertThat(cache.invalidate(new SessionToken("old"))).isEqualTo(InvalidationOutcome.INVALIDATED);
        assertThat(cache.invalidate(new SessionToken("old"))).isEqualTo(InvalidationOutcome.ALREADY_REPLACED);
        assertThat(cache.current()).isEmpty();

        CompletableFuture<LiveSession> replacement = cache.acquire();
        source.completeNext(session("new", Duration.ofHours(2)));
        assertThat(replacement).isCompletedWithValueMatching(s -> s.token().value().equals("new"));
        assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(AuthEvent.SessionCreated.class,
                created -> assertThat(created.reason()).isEqualTo(CreationReason.REJECTED_BY_SERVER)));

        assertThat(cache.invalidate(new SessionToken("old"))).isEqualTo(InvalidationOutcome.ALREADY_REPLACED);
        assertThat(cache.current()).hasValueSatisfying(s -> assertThat(s.token().value()).isEqualTo("new"));
    }

    @Test
    void a_session_near_expiry_is_still_served_while_one_background_creation_prefetches_its_successor() {
        cache.reset(APP, session("stale", Duration.ofMinutes(3)));

        assertThat(cache.acquire()).isCompletedWithValueMatching(s -> s.token().value().equals("stale"));
        assertThat(cache.acquire()).isCompletedWithValueMatching(s -> s.token().value().equals("stale"));
        assertThat(source.creations).hasValue(1);

        source.completeNext(session("next", Duration.ofHours(2)));
        assertThat(cache.acquire()).isCompletedWithValueMatching(s -> s.token().value().equals("next"));
        assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(AuthEvent.SessionCreated.class,
                created -> assertThat(created.reason()).isEqualTo(CreationReason.PREFETCH)));
    }

    @Test
    void an_adopted_session_that_may_not_be_recreated_is_not_prefetched() {
        cache.reset(new Identity.Adopted(SessionKind.USER), session("adopted", Duration.ofMinutes(3)));

        assertThat(cache.acquire()).isCompleted();
        assertThat(source.creations).hasValue(0);
    }

    @Test
    void expiry_only_moves_later_only_for_the_current_token_and_never_revives_a_rejected_one() {
        LiveSession live = session("t", Duration.ofMinutes(30));
        cache.reset(APP, live);
        long later = live.expiresAtMillis() + 60_000;

        cache.extendExpiry(new SessionToken("t"), later);
        cache.extendExpiry(new SessionToken("t"), later - 120_000);
        cache.extendExpiry(new SessionToken("other"), later + 999_999);
        assertThat(live.expiresAtMillis()).isEqualTo(later);

        cache.invalidate(new SessionToken("t"));
        cache.extendExpiry(new SessionToken("t"), later + 999_999);
        assertThat(live.isRejected()).isTrue();
        assertThat(cache.current()).isEmpty();
    }

    @Test
    void an_explicit_replacement_keeps_the_previous_session_until_it_succeeds() {
        cache.reset(APP, session("app", Duration.ofHours(2)));
        Identity user = new Identity.User(io.qbauth.domain.AuthMethod.LOGIN,
                () -> CompletableFuture.completedFuture(io.qbauth.domain.Credentials.login("a", "b")));
        CompletableFuture<LiveSession> explicit = new CompletableFuture<>();

        CompletableFuture<LiveSession> replaced = cache.replace(user, "user-key", () -> explicit);
        assertThat(cache.acquire()).isCompletedWithValueMatching(s -> s.token().value().equals("app"));

        explicit.complete(session("user", Duration.ofHours(2)));
        assertThat(replaced).isCompletedWithValueMatching(s -> s.token().value().equals("user"));
        assertThat(cache.identity()).isEqualTo(user);
        assertThat(cache.current()).hasValueSatisfying(s -> assertThat(s.token().value()).isEqualTo("user"));
    }

    @Test
    void close_fails_the_creation_in_flight_and_every_later_acquisition() {
        CompletableFuture<LiveSession> waiting = cache.acquire();

        cache.close(new io.qbauth.domain.ClientClosedException("closed"));
        source.completeNext(session("late", Duration.ofHours(2)));

        assertThat(waiting).isCompletedExceptionally();
        assertThat(cache.acquire()).isCompletedExceptionally();
        assertThat(cache.current()).isEmpty();
        assertThat(source.discarded).isEmpty();
    }

    private LiveSession received(String token, Duration lifetime) {
        return LiveSession.received(new Session(new SessionToken(token), SessionKind.APPLICATION, 1, 0, 1,
                clock.instant(), clock.instant().plus(lifetime), Session.Origin.CREATED), clock.millis());
    }

    @Test
    void a_session_shorter_lived_than_the_prefetch_margin_is_refreshed_at_half_its_life_not_at_once() {
        cache.reset(APP, received("short", Duration.ofMinutes(3))); // the default prefetch margin is 5 minutes

        for (int i = 0; i < 300; i++) {
            assertThat(cache.acquire()).isCompletedWithValueMatching(s -> s.token().value().equals("short"));
        }
        assertThat(source.creations).as("no creation in the first half of its life").hasValue(0);

        clock.advance(Duration.ofSeconds(91)); // 89 s left: under half its life
        assertThat(cache.acquire()).isCompletedWithValueMatching(s -> s.token().value().equals("short"));
        assertThat(cache.acquire()).isCompletedWithValueMatching(s -> s.token().value().equals("short"));
        assertThat(source.creations).as("one background creation").hasValue(1);

        clock.advance(Duration.ofSeconds(45)); // 44 s left: in its last quarter, no longer used
        CompletableFuture<LiveSession> waiting = cache.acquire();
        assertThat(waiting).isNotDone();
        source.completeNext(received("next", Duration.ofMinutes(3)));
        assertThat(waiting).isCompletedWithValueMatching(s -> s.token().value().equals("next"));
        assertThat(source.creations).hasValue(1);
    }

    @Test
    void a_long_lived_or_restored_session_keeps_the_configured_margins() {
        cache.reset(APP, received("long", Duration.ofHours(2)));
        clock.advance(Duration.ofHours(2).minus(RefreshPolicy.DEFAULT_PREFETCH_MARGIN).minusSeconds(1));
        cache.acquire();
        assertThat(source.creations).hasValue(0);
        clock.advance(Duration.ofSeconds(2));
        cache.acquire();
        assertThat(source.creations).hasValue(1);
    }

    @Test
    void equal_explicit_creations_share_one_flight_and_another_identity_supersedes_it() {
        CompletableFuture<LiveSession> first = cache.replace(APP, APP, () -> source.create(APP));
        CompletableFuture<LiveSession> second = cache.replace(APP, APP, () -> source.create(APP));
        assertThat(source.creations).hasValue(1);
        source.completeNext(session("shared", Duration.ofHours(2)));
        assertThat(first).isCompletedWithValueMatching(s -> s.token().value().equals("shared"));
        assertThat(second).isCompletedWithValueMatching(s -> s.token().value().equals("shared"));

        Identity user = new Identity.User(io.qbauth.domain.AuthMethod.LOGIN,
                () -> CompletableFuture.completedFuture(io.qbauth.domain.Credentials.login("a", "b")));
        CompletableFuture<LiveSession> appAgain = cache.replace(APP, APP, () -> source.create(APP));
        CompletableFuture<LiveSession> forUser = cache.replace(user, "credentials of a", () -> source.create(user));
        source.completeNext(session("late-app", Duration.ofHours(2)));
        source.completeNext(session("user", Duration.ofHours(2)));
        assertThat(appAgain).failsWithin(Duration.ZERO).withThrowableOfType(Exception.class)
                .withCauseInstanceOf(SessionExpiredException.class);
        assertThat(forUser).isCompletedWithValueMatching(s -> s.token().value().equals("user"));
    }

    @Test
    void a_day_long_retry_after_holds_creations_back_for_the_max_retry_interval_only() {
        cache.acquire();
        source.failNext(new io.qbauth.domain.RateLimitedException("429", 429, ErrorDetails.NONE,
                Duration.ofSeconds(Long.MAX_VALUE)));
        assertThat(cache.acquire()).isCompletedExceptionally();

        clock.advance(RefreshPolicy.DEFAULT_MAX_RETRY_INTERVAL.minusMillis(1));
        assertThat(cache.acquire()).isCompletedExceptionally();
        assertThat(source.creations).hasValue(1);
        clock.advance(Duration.ofMillis(1));
        cache.acquire();
        assertThat(source.creations).hasValue(2);
    }

    @Test
    void callers_have_their_outcome_before_any_listener_hears_of_it() {
        List<Boolean> doneWhenNotified = new ArrayList<>();
        List<CompletableFuture<LiveSession>> callers = new ArrayList<>();
        SingleFlightSessionCache observed = new SingleFlightSessionCache(RefreshPolicy.ofDefaults(), clock, source,
                new Events(List.of(event -> {
                    if (event instanceof AuthEvent.SessionCreated || event instanceof AuthEvent.SessionCreationFailed) {
                        doneWhenNotified.add(callers.stream().allMatch(CompletableFuture::isDone));
                    }
                })), store, APP, null);

        callers.add(observed.acquire());
        callers.add(observed.acquire());
        source.completeNext(session("s1", Duration.ofHours(2)));
        observed.invalidate(new SessionToken("s1"));
        callers.clear();
        callers.add(observed.acquire());
        source.failNext(new ServerException("503", 503, ErrorDetails.NONE));

        assertThat(doneWhenNotified).containsExactly(true, true);
    }

    @Test
    void the_source_hears_of_a_rejection_once_and_of_each_expiry_that_moved_later() {
        LiveSession live = session("current", Duration.ofHours(1));
        cache.reset(APP, live);

        cache.extendExpiry(live.token(), live.expiresAtMillis() + 1_000);
        cache.extendExpiry(live.token(), live.expiresAtMillis() - 5_000); // earlier: nothing moved
        cache.extendExpiry(new SessionToken("another"), live.expiresAtMillis() + 9_000);
        cache.invalidate(live.token());
        cache.invalidate(live.token()); // already dropped: the source is not told twice

        assertThat(source.notices).containsExactly("extended current", "rejected current");
    }

    @Test
    void the_source_hears_that_a_destroyed_session_is_going() {
        cache.reset(APP, session("to-destroy", Duration.ofHours(1)));

        cache.beginDestroy();

        assertThat(source.notices).containsExactly("rejected to-destroy");
    }
}
