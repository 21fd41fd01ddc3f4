package io.qbauth.e2e.bench;

import io.qbauth.BlockingPooledUser;
import io.qbauth.QbAuthClient;
import io.qbauth.UserPool;
import io.qbauth.adapter.transport.jdk.JdkAuthTransport;
import io.qbauth.config.TransportConfig;
import io.qbauth.config.UserPoolConfig;
import io.qbauth.domain.ApiRequest;
import io.qbauth.domain.Credentials;
import io.qbauth.e2e.support.ProviderTokens;
import io.qbauth.e2e.support.QuickBloxFixture;
import io.qbauth.emulator.QbEmulator;
import io.qbauth.spi.AuthTransport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Throughput of authenticated calls on the emulator at {@code bench.callers} (64) closed-loop callers, side by side
 * in one run, rounds interleaved: a single-identity client, a pool serving the same one user, and a pool serving 64
 * users (each call for a random one). All on the JDK transport, one transport instance each.
 *
 * <p>Run: {@code java -cp <e2e-tests test class path> io.qbauth.e2e.bench.PoolThroughputBenchmark}
 * ({@code -Dbench.seconds=5 -Dbench.warmup=2 -Dbench.rounds=3}).
 */
public final class PoolThroughputBenchmark {

    private PoolThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Duration measure = Duration.ofSeconds(Long.getLong("bench.seconds", 5));
        Duration warmup = Duration.ofSeconds(Long.getLong("bench.warmup", 2));
        int rounds = Integer.getInteger("bench.rounds", 3);
        int callers = Integer.getInteger("bench.callers", 64);
        List<AutoCloseable> opened = new ArrayList<>();
        try (QbEmulator emulator = QuickBloxFixture.emulator().journalSize(0).start()) {
            Credentials alice = Credentials.login(QuickBloxFixture.ALICE_LOGIN, QuickBloxFixture.ALICE_PASSWORD);
            AuthTransport clientTransport = open(opened, JdkAuthTransport.create(TransportConfig.defaults()));
            QbAuthClient client = open(opened, QuickBloxFixture.client(emulator, clientTransport).build());
            long aliceId = client.blocking().createUserSession(alice).userId();
            ApiRequest call = ApiRequest.get("/users/" + aliceId + ".json");

            AuthTransport poolTransport = open(opened, JdkAuthTransport.create(TransportConfig.defaults()));
            UserPool pool = open(opened, QuickBloxFixture.client(emulator, poolTransport)
                    .buildUserPool(UserPoolConfig.defaults()));
            BlockingPooledUser pooledAlice = pool.forUser("alice", alice).blocking();
            pooledAlice.getSession();

            AuthTransport manyTransport = open(opened, JdkAuthTransport.create(TransportConfig.defaults()));
            UserPool many = open(opened, QuickBloxFixture.client(emulator, manyTransport)
                    .buildUserPool(UserPoolConfig.defaults()));
            List<BlockingPooledUser> users = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                BlockingPooledUser user = many.forUser("u" + i, Credentials.facebook(ProviderTokens.facebook("b" + i)))
                        .blocking();
                user.getSession();
                users.add(user);
            }

            Map<String, ClosedLoop.Operation> variants = new LinkedHashMap<>();
            variants.put("client, one user", () -> client.blocking().execute(call));
            variants.put("pool, the same one user", () -> pooledAlice.execute(call));
            variants.put("pool, 64 users", () -> users.get(ThreadLocalRandom.current().nextInt(users.size()))
                    .execute(call));
            for (ClosedLoop.Operation operation : variants.values()) {
                ClosedLoop.run("JIT warm-up", callers, Duration.ZERO, warmup, operation);
            }
            for (int round = 0; round < rounds; round++) {
                for (Map.Entry<String, ClosedLoop.Operation> variant : variants.entrySet()) {
                    System.out.println(ClosedLoop.run(variant.getKey(), callers, warmup, measure, variant.getValue())
                            .row());
                }
            }
        } finally {
            for (AutoCloseable closeable : opened.reversed()) {
                closeable.close();
            }
        }
    }

    private static <T extends AutoCloseable> T open(List<AutoCloseable> opened, T closeable) {
        opened.add(closeable);
        return closeable;
    }
}
