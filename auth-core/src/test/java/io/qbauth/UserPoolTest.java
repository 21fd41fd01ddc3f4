package io.qbauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qbauth.config.UserPoolConfig;
import io.qbauth.domain.ApiRequest;
import io.qbauth.domain.AuthMethod;
import io.qbauth.domain.ClientClosedException;
import io.qbauth.domain.ConfigurationException;
import io.qbauth.domain.Credentials;
import io.qbauth.domain.InvalidCredentialsException;
import io.qbauth.domain.InvalidInputException;
import io.qbauth.domain.MintedToken;
import io.qbauth.domain.RateLimitedException;
import io.qbauth.domain.Session;
import io.qbauth.domain.SessionKind;
import io.qbauth.event.AuthEvent;
import io.qbauth.event.AuthEvent.PoolIdentityAdded;
import io.qbauth.event.AuthEvent.PoolIdentityRemoved;
import io.qbauth.event.AuthEvent.RemovalReason;
import io.qbauth.config.CredentialsSupplier;
import io.qbauth.testing.FakeQuickBlox;
import io.qbauth.testing.ManualClock;
import io.qbauth.testing.TestCodec;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UserPoolTest {

    private static final Credentials ALICE = Credentials.login("alice", "alicePass123");
    private static final Credentials BOB = Credentials.login("bob", "bobPass12345");
    private static final Credentials CAROL = Credentials.login("carol", "carolPass123");

    private final ManualClock clock = new ManualClock(Instant.parse("2030-01-01T00:00:00Z"));
    private final FakeQuickBlox server = new FakeQuickBlox(clock).withUser("alice", "alicePass123")
            .withUser("bob", "bobPass12345").withUser("carol", "carolPass123");
    private final Queue<AuthEvent> events = new ConcurrentLinkedQueue<>();
    private UserPool pool;

    private QbAuth.Builder builder() {
        return QbAuth.builder().endpoint(URI.create("https://qb.test")).applicationId(FakeQuickBlox.APP_ID)
                .authKey("key").authSecret("secret").clock(clock).transport(server).codec(new TestCodec())
                .listener(events::add);
    }

    private UserPool pool(UserPoolConfig config) {
        pool = builder().buildUserPool(config);
        return pool;
    }

    @AfterEach
    void closePool() {
        if (pool != null) {
            pool.close();
        }
    }

    @Test
    void each_user_gets_its_own_user_session_created_once() {
        UserPool pool = pool(UserPoolConfig.defaults());

        Session alice = pool.forUser("a", ALICE).blocking().getSession();
        Session bob = pool.forUser("b", BOB).blocking().getSession();
        pool.forUser("a", ALICE).blocking().execute(ApiRequest.get("/users/me.json"));

        assertThat(alice.kind()).isEqualTo(SessionKind.USER);
        assertThat(alice.userId()).isEqualTo(server.userId("alice"));
        assertThat(bob.userId()).isEqualTo(server.userId("bob"));
        assertThat(server.creations()).isEqualTo(2);
        assertThat(pool.size()).isEqualTo(2);
        assertThat(events).filteredOn(PoolIdentityAdded.class::isInstance).hasSize(2);
    }

    @Test
    void a_key_held_with_other_credentials_is_refused_until_replaced() {
        UserPool pool = pool(UserPoolConfig.defaults());
        pool.forUser("a", ALICE).blocking().getSession();

        assertThatThrownBy(() -> pool.forUser("a", BOB)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("replaceUser").hasMessageNotContaining("bob");
        PooledUser bobAsA = pool.replaceUser("a", BOB);
        Session bob = bobAsA.blocking().getSession();

        assertThat(bob.userId()).isEqualTo(server.userId("bob"));
        assertThat(events).contains(new PoolIdentityRemoved(((PoolIdentityAdded) events.stream()
                .filter(PoolIdentityAdded.class::isInstance).findFirst().orElseThrow()).keyHash(),
                RemovalReason.REPLACED));
        assertThatThrownBy(() -> pool.forUser("a", ALICE).blocking().getSession())
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void bad_keys_credentials_and_a_closed_pool_fail_typed_and_send_nothing() {
        UserPool pool = pool(UserPoolConfig.defaults());

        assertThatThrownBy(() -> pool.forUser(null, ALICE)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> pool.forUser(" ", ALICE)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> pool.forUser("a\nb", ALICE)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> pool.forUser("a", (Credentials) null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> pool.forUser("a", AuthMethod.TOKEN, CredentialsSupplier.of(ALICE)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> pool.forUser("a", ALICE).blocking().execute(null))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> pool.forUser("a", ALICE).blocking().mintToken(Duration.ofHours(3)))
                .isInstanceOf(InvalidInputException.class);
        assertThat(pool.mintToken(null, ALICE, Duration.ZERO).toCompletableFuture())
                .failsWithin(Duration.ofSeconds(5));
        PooledUser held = pool.forUser("a", ALICE);
        pool.close();

        assertThatThrownBy(() -> pool.forUser("a", ALICE)).isInstanceOf(ClientClosedException.class);
        assertThatThrownBy(() -> held.blocking().getSession()).isInstanceOf(ClientClosedException.class);
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void a_pool_refuses_a_credentials_supplier_or_session_store_of_the_builder() {
        assertThatThrownBy(() -> builder().credentialsSupplier(CredentialsSupplier.of(ALICE))
                .buildUserPool(UserPoolConfig.defaults())).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> UserPoolConfig.builder().maxIdentities(0).build())
                .isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> UserPoolConfig.builder().idleTimeout(Duration.ZERO).build())
                .isInstanceOf(ConfigurationException.class);
    }

    @Test
    void when_full_the_least_recently_used_idle_identity_is_evicted_and_others_keep_their_sessions() {
        UserPool pool = pool(UserPoolConfig.builder().maxIdentities(2).build());
        Session alice = pool.forUser("a", ALICE).blocking().getSession();
        clock.advance(Duration.ofMillis(10));
        pool.forUser("b", BOB).blocking().getSession();
        clock.advance(Duration.ofMillis(10));
        pool.forUser("a", ALICE).blocking().getSession(); // alice is now the most recently used

        clock.advance(Duration.ofMillis(10));
        pool.forUser("c", CAROL).blocking().getSession();

        assertThat(pool.size()).isEqualTo(2);
        assertThat(pool.forUser("b", BOB).currentSession()).isEmpty();
        assertThat(pool.forUser("a", ALICE).currentSession()).map(Session::token).contains(alice.token());
        assertThat(events).filteredOn(PoolIdentityRemoved.class::isInstance).extracting(e ->
                ((PoolIdentityRemoved) e).reason()).containsExactly(RemovalReason.EVICTED_CAPACITY);
        assertThat(server.requests("DELETE", "/session.json")).isEmpty();
    }

    @Test
    void a_full_pool_whose_identities_are_all_in_use_refuses_a_new_one_without_sending_and_breaks_no_call()
            throws Exception {
        UserPool pool = pool(UserPoolConfig.builder().maxIdentities(1).build());
        CompletableFuture<Void> gate = server.holdCreations();
        CompletableFuture<Session> alice = pool.forUser("a", ALICE).getSession().toCompletableFuture();
        int sentBefore = server.requests().size();

        assertThatThrownBy(() -> pool.forUser("b", BOB).blocking().getSession())
                .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.status()).isZero());
        assertThat(server.requests()).hasSize(sentBefore);
        gate.complete(null);

        assertThat(alice.get(5, TimeUnit.SECONDS).userId()).isEqualTo(server.userId("alice"));
        assertThat(pool.forUser("b", BOB).blocking().getSession().userId()).isEqualTo(server.userId("bob"));
        assertThat(pool.size()).isEqualTo(1);
    }

    @Test
    void eviction_can_end_the_session_on_the_server_when_asked() {
        UserPool pool = pool(UserPoolConfig.builder().maxIdentities(1).destroySessionOnEviction(true).build());
        Session alice = pool.forUser("a", ALICE).blocking().getSession();

        pool.forUser("b", BOB).blocking().getSession();

        assertThat(server.requests("DELETE", "/session.json")).singleElement()
                .satisfies(r -> assertThat(r.header("QB-Token")).contains(alice.token().value()));
    }

    @Test
    void identities_idle_longer_than_the_timeout_are_swept() throws Exception {
        UserPool pool = pool(UserPoolConfig.builder().idleTimeout(Duration.ofMillis(400)).build());
        pool.forUser("a", ALICE).blocking().getSession();
        clock.advance(Duration.ofSeconds(1));

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (pool.size() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }

        assertThat(pool.size()).isZero();
        assertThat(events).filteredOn(PoolIdentityRemoved.class::isInstance).extracting(e ->
                ((PoolIdentityRemoved) e).reason()).containsExactly(RemovalReason.EVICTED_IDLE);
    }

    @Test
    void a_minted_token_is_reused_while_it_has_enough_life_and_renewed_once_when_not() {
        UserPool pool = pool(UserPoolConfig.defaults());
        MintedToken first = pool.mintToken("a", ALICE, Duration.ofMinutes(30)).toCompletableFuture().join();
        MintedToken again = pool.mintToken("a", ALICE, Duration.ofMinutes(30)).toCompletableFuture().join();
        clock.advance(Duration.ofMinutes(100)); // 20 min left: fresh for calls, too little for this front end

        List<CompletableFuture<MintedToken>> renewed = java.util.stream.IntStream.range(0, 20)
                .mapToObj(i -> pool.mintToken("a", ALICE, Duration.ofMinutes(30)).toCompletableFuture()).toList();

        assertThat(again.token()).isEqualTo(first.token());
        assertThat(first.userId()).isEqualTo(server.userId("alice"));
        assertThat(first.toString()).doesNotContain(first.token().value());
        assertThat(renewed).extracting(CompletableFuture::join).extracting(MintedToken::token).containsOnly(
                renewed.getFirst().join().token()).doesNotContain(first.token());
        assertThat(server.creations()).isEqualTo(2);
    }

    @Test
    void a_wrong_password_fails_that_user_only_and_logout_releases_that_user_only() {
        UserPool pool = pool(UserPoolConfig.defaults());
        Session alice = pool.forUser("a", ALICE).blocking().getSession();

        assertThatThrownBy(() -> pool.forUser("b", Credentials.login("bob", "wrong")).blocking().getSession())
                .isInstanceOf(InvalidCredentialsException.class);
        pool.forUser("c", CAROL).blocking().getSession();
        pool.forUser("c", CAROL).blocking().logout();

        assertThat(server.requests("DELETE", "/login.json")).hasSize(1);
        assertThat(pool.forUser("c", CAROL).currentSession()).isEmpty();
        assertThat(pool.forUser("a", ALICE).blocking().getSession().token()).isEqualTo(alice.token());
        assertThat(pool.size()).isEqualTo(2); // alice, and bob's failed identity (idle, evictable)
    }
}
