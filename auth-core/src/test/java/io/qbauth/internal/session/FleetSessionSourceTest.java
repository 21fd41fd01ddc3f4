package io.qbauth.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.domain.ErrorDetails;
import io.qbauth.domain.InvalidCredentialsException;
import io.qbauth.domain.Session;
import io.qbauth.domain.SessionKind;
import io.qbauth.domain.SessionToken;
import io.qbauth.spi.FleetIdentity;
import io.qbauth.spi.LeaseOutcome;
import io.qbauth.spi.SharedSession;
import io.qbauth.spi.SharedSessionStore;
import io.qbauth.spi.SharedStoreException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** {@link FleetSessionSource} on an in-process store; the same class on a real Redis: auth-store-redis tests. */
class FleetSessionSourceTest {

    private static final FleetIdentity APP = FleetIdentity.derive(7, "secret".getBytes(StandardCharsets.UTF_8),
            "application");
    private static final Function<Identity, FleetIdentity> KEYS =
            identity -> identity instanceof Identity.Application ? APP : null;

    private final AtomicInteger created = new AtomicInteger();
    private final List<LiveSession> discarded = new ArrayList<>();
    private RuntimeException failCreationWith;

    private final SessionSource quickBlox = new SessionSource() {
        @Override
        public CompletableFuture<LiveSession> create(Identity identity) {
            created.incrementAndGet();
            if (failCreationWith != null) {
                return CompletableFuture.failedFuture(failCreationWith);
            }
            return CompletableFuture.completedFuture(live("created-" + created.get(), Duration.ofHours(2)));
        }

        @Override
        public void discard(LiveSession session) {
            discarded.add(session);
        }
    };

    private static LiveSession live(String token, Duration lifetime) {
        return new LiveSession(session(token, lifetime));
    }

    private static Session session(String token, Duration lifetime) {
        Instant now = Instant.now();
        return new Session(new SessionToken(token), SessionKind.APPLICATION, 7, 0, 1, now, now.plus(lifetime),
                Session.Origin.CREATED);
    }

    private FleetSessionSource source(SharedSessionStore store) {
        return new FleetSessionSource(quickBlox, store, KEYS, Duration.ofSeconds(5), Duration.ofSeconds(5),
                Duration.ofSeconds(30), Clock.systemUTC());
    }

    private static SharedSessionStore failingStore() {
        return (SharedSessionStore) Proxy.newProxyInstance(SharedSessionStore.class.getClassLoader(),
                new Class<?>[] {SharedSessionStore.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "close" -> null;
                    case "toString" -> "failing store";
                    default -> CompletableFuture.failedFuture(new SharedStoreException(
                            SharedStoreException.Reason.UNAVAILABLE, method.getName() + ": down", null));
                });
    }

    @Test
    void the_first_instance_leases_creates_and_publishes() {
        InMemorySharedSessionStore store = new InMemorySharedSessionStore();

        LiveSession session = source(store).create(Identity.APPLICATION).join();

        assertThat(created.get()).isEqualTo(1);
        assertThat(store.read(APP).toCompletableFuture().join()).map(s -> s.session().token())
                .contains(session.token());
        assertThat(store.leased(APP)).as("the publish released the lease").isFalse();
    }

    @Test
    void a_session_another_instance_published_is_adopted_without_creating() {
        InMemorySharedSessionStore store = new InMemorySharedSessionStore();
        store.publishedElsewhere(APP, session("elsewhere", Duration.ofHours(1)));

        LiveSession session = source(store).create(Identity.APPLICATION).join();

        assertThat(session.token().value()).isEqualTo("elsewhere");
        assertThat(created.get()).isZero();
    }

    @Test
    void asked_again_the_instance_replaces_the_session_it_handed_out_and_the_fleet_follows() {
        InMemorySharedSessionStore store = new InMemorySharedSessionStore();
        FleetSessionSource one = source(store);
        FleetSessionSource two = source(store);
        LiveSession first = one.create(Identity.APPLICATION).join();
        assertThat(two.create(Identity.APPLICATION).join().token()).isEqualTo(first.token());

        LiveSession replaced = one.create(Identity.APPLICATION).join(); // e.g. a 401 on the first

        assertThat(replaced.token()).isNotEqualTo(first.token());
        assertThat(two.create(Identity.APPLICATION).join().token()).isEqualTo(replaced.token());
        assertThat(created.get()).isEqualTo(2);
    }

    @Test
    void a_stored_session_near_its_expiry_is_not_adopted() {
        InMemorySharedSessionStore store = new InMemorySharedSessionStore();
        Instant now = Instant.now(); // an hour-long session with 10 s left: less than the 30 s minimum
        store.publishedElsewhere(APP, new Session(new SessionToken("nearly-gone"), SessionKind.APPLICATION, 7, 0, 1,
                now.minus(Duration.ofHours(1)), now.plusSeconds(10), Session.Origin.CREATED));

        LiveSession session = source(store).create(Identity.APPLICATION).join();

        assertThat(session.token().value()).isEqualTo("created-1");
    }

    @Test
    void an_adopted_session_keeps_its_lifetime_when_the_servers_clock_is_ahead() {
        // createdAt is the server's clock (created_at), expiresAt the local one (skew-corrected): 3 h apart here, as
        // in the separate-JVM fleet test after an emulator clock jump; the lifetime must not come out as 0
        InMemorySharedSessionStore store = new InMemorySharedSessionStore();
        Instant now = Instant.now();
        store.publishedElsewhere(APP, new Session(new SessionToken("server-ahead"), SessionKind.APPLICATION, 7, 0, 1,
                now.plus(Duration.ofHours(3)), now.plus(Duration.ofHours(2)), Session.Origin.CREATED));

        LiveSession session = source(store).create(Identity.APPLICATION).join();

        assertThat(session.token().value()).isEqualTo("server-ahead");
        assertThat(session.lifetimeMillis()).as("the lifetime the cache scales its margins to")
                .isGreaterThan(Duration.ofHours(1).toMillis());
    }

    @Test
    void a_short_lived_stored_session_is_adopted_in_the_first_half_of_its_life() {
        InMemorySharedSessionStore store = new InMemorySharedSessionStore();
        store.publishedElsewhere(APP, session("short", Duration.ofSeconds(10))); // minimum scaled to 5 s

        LiveSession session = source(store).create(Identity.APPLICATION).join();

        assertThat(session.token().value()).isEqualTo("short");
        assertThat(created.get()).isZero();
    }

    @Test
    void a_store_failure_falls_back_to_a_local_creation() {
        LiveSession session = source(failingStore()).create(Identity.APPLICATION).join();

        assertThat(session.token().value()).isEqualTo("created-1");
        assertThat(created.get()).isEqualTo(1);
    }

    @Test
    void a_creation_failure_is_the_callers_and_releases_the_lease() {
        InMemorySharedSessionStore store = new InMemorySharedSessionStore();
        failCreationWith = new InvalidCredentialsException("bad credentials", 401, ErrorDetails.NONE);

        CompletableFuture<LiveSession> result = source(store).create(Identity.APPLICATION);

        assertThat(result).failsWithin(Duration.ofSeconds(5)).withThrowableOfType(
                java.util.concurrent.ExecutionException.class).havingCause().isSameAs(failCreationWith);
        assertThat(created.get()).as("not retried locally: the store did not fail").isEqualTo(1);
        assertThat(store.leased(APP)).isFalse();
        assertThat(store.tryLease(APP, 0, Duration.ofSeconds(1)).toCompletableFuture().join())
                .isInstanceOf(LeaseOutcome.Granted.class);
    }

    @Test
    void an_identity_without_a_fleet_key_is_not_coordinated() {
        InMemorySharedSessionStore store = new InMemorySharedSessionStore();

        source(store).create(new Identity.Adopted(SessionKind.APPLICATION)).join();

        assertThat(store.calls.get()).isZero();
        assertThat(created.get()).isEqualTo(1);
    }

    @Test
    void a_session_the_fleet_shares_is_never_discarded_but_an_unshared_one_is() {
        InMemorySharedSessionStore store = new InMemorySharedSessionStore();
        SharedSession shared = store.publishedElsewhere(APP, session("shared", Duration.ofHours(1)));
        FleetSessionSource source = source(store);
        LiveSession adopted = source.create(Identity.APPLICATION).join();
        assertThat(adopted.token()).isEqualTo(shared.session().token());

        source.discard(adopted);
        LiveSession unshared = live("never-published", Duration.ofHours(1));
        source.discard(unshared);

        assertThat(discarded).containsExactly(unshared);
    }

    @Test
    void a_creation_throwing_an_error_fails_the_call_once_and_releases_the_lease() {
        AssertionError thrown = new AssertionError("user code threw an Error");
        AtomicInteger calls = new AtomicInteger();
        SessionSource throwing = new SessionSource() {
            @Override
            public CompletableFuture<LiveSession> create(Identity identity) {
                calls.incrementAndGet();
                throw thrown;
            }

            @Override
            public void discard(LiveSession session) {
            }
        };
        InMemorySharedSessionStore store = new InMemorySharedSessionStore();
        FleetSessionSource source = new FleetSessionSource(throwing, store, KEYS, Duration.ofSeconds(5),
                Duration.ofSeconds(5), Duration.ofSeconds(30), Clock.systemUTC());

        CompletableFuture<LiveSession> result = source.create(Identity.APPLICATION);

        assertThat(result).failsWithin(Duration.ofSeconds(5)).withThrowableOfType(
                java.util.concurrent.ExecutionException.class).havingCause().isSameAs(thrown);
        assertThat(calls.get()).isEqualTo(1);
        assertThat(store.leased(APP)).isFalse();
    }

    @Test
    void a_429_makes_every_instance_back_off_without_calling_quickblox() {
        InMemorySharedSessionStore store = new InMemorySharedSessionStore();
        failCreationWith = new io.qbauth.domain.RateLimitedException("Rate limit for your current plan exceeded", 429,
                ErrorDetails.NONE, Duration.ofSeconds(30));

        assertThat(source(store).create(Identity.APPLICATION)).failsWithin(Duration.ofSeconds(5))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class).havingCause()
                .isSameAs(failCreationWith);
        CompletableFuture<LiveSession> other = source(store).create(Identity.APPLICATION);

        assertThat(other).failsWithin(Duration.ofSeconds(5))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class).havingCause()
                .isInstanceOfSatisfying(io.qbauth.domain.RateLimitedException.class, e -> assertThat(
                        e.retryAfter()).hasValueSatisfying(d -> assertThat(d).isPositive()));
        assertThat(created.get()).as("the second instance sent nothing").isEqualTo(1);
        assertThat(store.leased(APP)).isFalse();
    }

    @Test
    void a_401_on_the_shared_session_deletes_it_from_the_store_only_while_it_is_the_stored_one() {
        InMemorySharedSessionStore store = new InMemorySharedSessionStore();
        FleetSessionSource one = source(store);
        FleetSessionSource two = source(store);
        LiveSession first = one.create(Identity.APPLICATION).join();
        assertThat(two.create(Identity.APPLICATION).join().token()).isEqualTo(first.token());

        one.rejected(Identity.APPLICATION, first);
        assertThat(store.read(APP).toCompletableFuture().join()).isEmpty();

        LiveSession replaced = two.create(Identity.APPLICATION).join(); // two saw the 401 too
        two.rejected(Identity.APPLICATION, first); // late: the stored one is the replacement, kept
        assertThat(store.read(APP).toCompletableFuture().join()).map(s -> s.session().token())
                .contains(replaced.token());
        assertThat(one.create(Identity.APPLICATION).join().token()).isEqualTo(replaced.token());
        assertThat(created.get()).isEqualTo(2);
    }

    @Test
    void a_moved_expiry_lengthens_the_stored_lifetime_at_most_once_a_minute() {
        InMemorySharedSessionStore store = new InMemorySharedSessionStore();
        io.qbauth.testing.ManualClock clock = new io.qbauth.testing.ManualClock(Instant.now());
        FleetSessionSource source = new FleetSessionSource(quickBlox, store, KEYS, Duration.ofSeconds(5),
                Duration.ofSeconds(5), Duration.ofSeconds(30), clock);
        LiveSession live = source.create(Identity.APPLICATION).join();

        live.extendTo(live.expiresAtMillis() + 1_000);
        source.extended(Identity.APPLICATION, live);
        assertThat(store.extensions).as("within the first minute").isEmpty();

        clock.advance(Duration.ofSeconds(61));
        for (int reply = 0; reply < 5; reply++) {
            live.extendTo(live.expiresAtMillis() + 1_000);
            source.extended(Identity.APPLICATION, live);
        }
        assertThat(store.extensions).containsExactly(Instant.ofEpochMilli(live.expiresAtMillis() - 4_000));

        clock.advance(Duration.ofSeconds(61));
        source.extended(Identity.APPLICATION, live);
        assertThat(store.extensions).hasSize(2);
        source.extended(Identity.APPLICATION, live("another", Duration.ofHours(2)));
        assertThat(store.extensions).as("only the session handed out").hasSize(2);
    }

    @Test
    void store_trouble_is_reported_once_per_transition_and_acquisitions_by_outcome() throws Exception {
        List<io.qbauth.event.AuthEvent> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        FleetHealth health = new FleetHealth(new Events(List.of(heard::add)), Runnable::run);
        SharedSessionStore down = failingStore();
        FleetSessionSource failing = new FleetSessionSource(quickBlox, down, KEYS, Duration.ofSeconds(5),
                Duration.ofSeconds(5), Duration.ofSeconds(30), Clock.systemUTC(), health);
        failing.create(Identity.APPLICATION).join();
        failing.create(Identity.APPLICATION).join();
        InMemorySharedSessionStore store = new InMemorySharedSessionStore();
        FleetSessionSource working = new FleetSessionSource(quickBlox, store, KEYS, Duration.ofSeconds(5),
                Duration.ofSeconds(5), Duration.ofSeconds(30), Clock.systemUTC(), health);
        working.create(Identity.APPLICATION).join();
        new FleetSessionSource(quickBlox, store, KEYS, Duration.ofSeconds(5), Duration.ofSeconds(5),
                Duration.ofSeconds(30), Clock.systemUTC(), health).create(Identity.APPLICATION).join();

        assertThat(heard).containsExactly(
                new io.qbauth.event.AuthEvent.SharedStoreUnavailable("UNAVAILABLE"),
                new io.qbauth.event.AuthEvent.FleetSessionAcquired(SessionKind.APPLICATION,
                        io.qbauth.event.AuthEvent.FleetOutcome.LOCAL),
                new io.qbauth.event.AuthEvent.FleetSessionAcquired(SessionKind.APPLICATION,
                        io.qbauth.event.AuthEvent.FleetOutcome.LOCAL),
                new io.qbauth.event.AuthEvent.SharedStoreRecovered(),
                new io.qbauth.event.AuthEvent.FleetSessionAcquired(SessionKind.APPLICATION,
                        io.qbauth.event.AuthEvent.FleetOutcome.CREATED),
                new io.qbauth.event.AuthEvent.FleetSessionAcquired(SessionKind.APPLICATION,
                        io.qbauth.event.AuthEvent.FleetOutcome.ADOPTED));
    }
}
