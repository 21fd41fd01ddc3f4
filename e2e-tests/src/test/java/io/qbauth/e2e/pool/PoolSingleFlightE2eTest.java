package io.qbauth.e2e.pool;

import static io.qbauth.e2e.support.QuickBloxFixture.APP_ID;
import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.PooledUser;
import io.qbauth.config.UserPoolConfig;
import io.qbauth.domain.Credentials;
import io.qbauth.domain.MintedToken;
import io.qbauth.domain.Session;
import io.qbauth.domain.SessionKind;
import io.qbauth.domain.SessionToken;
import io.qbauth.testkit.TestClock;
import io.qbauth.e2e.support.ProviderTokens;
import io.qbauth.e2e.support.QuickBloxFixture;
import io.qbauth.e2e.support.TransportTest;
import io.qbauth.e2e.support.TransportUnderTest;
import io.qbauth.emulator.QbEmulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;

/**
 * Single flight per identity, counted by the emulator: N users (Facebook sign-in, created by the emulator on first
 * use), 20 concurrent callers each, every session expired at once on both clocks → exactly N {@code POST
 * /session.json}, and every caller got a session of its own user: the 20 N callers ask for the session itself
 * ({@code mintToken}, which sends nothing but the creation), then the server describes each user's token once
 * ({@code GET /session.json}) and must name that user. N is 1 000 in the normal suite; {@code -Dpool.identities=10000} runs the full size.
 */
class PoolSingleFlightE2eTest {

    static final int IDENTITIES = Integer.getInteger("pool.identities", 1_000);
    private static final int CALLERS_PER_IDENTITY = 20;
    private static final Duration PAST_THE_TTL = QbEmulator.AbstractBuilder.DEFAULT_SESSION_TTL.plusMinutes(1);

    private final TestClock clock = TestClock.startingNow();
    private final QbEmulator emulator = QuickBloxFixture.emulator().clock(clock)
            .timestampWindow(Duration.ofDays(1)).maxConnections(4_000).journalSize(0).start();

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }

    @TransportTest
    void every_user_of_many_with_twenty_callers_all_expired_at_once_gets_one_creation_and_only_its_own_session(
            TransportUnderTest transport) {
        UserPoolConfig bounds = UserPoolConfig.builder().maxIdentities(IDENTITIES).build();
        try (PoolSdk sdk = PoolSdk.start(transport, emulator, bounds, builder -> builder.clock(clock))) {
            List<PooledUser> users = IntStream.range(0, IDENTITIES).mapToObj(i -> sdk.pool().forUser("app-user-" + i,
                    Credentials.facebook(ProviderTokens.facebook("fb-" + i)))).toList();
            long[] userIds = joinAll(users.stream().map(user -> user.getSession().toCompletableFuture()).toList())
                    .stream().mapToLong(Session::userId).toArray();
            assertThat(Set.copyOf(IntStream.range(0, IDENTITIES).mapToObj(i -> userIds[i]).toList()))
                    .hasSize(IDENTITIES);
            clock.advance(PAST_THE_TTL);
            long createdBefore = emulator.stats(APP_ID).sessionsCreated();

            List<CompletableFuture<MintedToken>> calls = new ArrayList<>(IDENTITIES * CALLERS_PER_IDENTITY);
            for (int caller = 0; caller < CALLERS_PER_IDENTITY; caller++) {
                for (PooledUser user : users) {
                    calls.add(user.mintToken(Duration.ZERO).toCompletableFuture());
                }
            }
            List<MintedToken> minted = joinAll(calls);

            assertThat(emulator.stats(APP_ID).sessionsCreated() - createdBefore).isEqualTo(IDENTITIES);
            for (int i = 0; i < minted.size(); i++) {
                int user = i % IDENTITIES;
                assertThat(minted.get(i).userId()).as("caller %d of user %d", i / IDENTITIES, user)
                        .isEqualTo(userIds[user]);
                assertThat(minted.get(i).token()).isEqualTo(minted.get(user).token());
            }
            // what the server says of each token: its user, and no two users share one
            List<Session> described = joinAll(users.stream().map(u -> u.getSession().toCompletableFuture()).toList());
            Set<SessionToken> tokens = new HashSet<>();
            for (int user = 0; user < IDENTITIES; user++) {
                assertThat(described.get(user).token()).isEqualTo(minted.get(user).token());
                assertThat(described.get(user).userId()).isEqualTo(userIds[user]);
                assertThat(described.get(user).kind()).isEqualTo(SessionKind.USER);
                tokens.add(described.get(user).token());
            }
            assertThat(tokens).hasSize(IDENTITIES);
            assertThat(emulator.stats(APP_ID).sessionsCreated() - createdBefore).isEqualTo(IDENTITIES);
            assertThat(sdk.pool().size()).isEqualTo(IDENTITIES);
        }
    }

    private static <T> List<T> joinAll(List<CompletableFuture<T>> calls) {
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).orTimeout(120, TimeUnit.SECONDS).join();
        return calls.stream().map(CompletableFuture::join).toList();
    }
}
