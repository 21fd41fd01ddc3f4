package io.qbauth.e2e.soak;

import io.qbauth.QbAuth;
import io.qbauth.QbAuthClient;
import io.qbauth.config.RefreshPolicy;
import io.qbauth.domain.ApiRequest;
import io.qbauth.domain.ApiResponse;
import io.qbauth.domain.Credentials;
import io.qbauth.emulator.QbEmulator;
import io.qbauth.spi.AuthTransport;
import io.qbauth.config.TransportConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One user's client in the soak run: a user session, re-created whenever it expires (between waves) or the emulator
 * loses it (restarts); calls are GETs and, one in ten, a PUT of the user's own record (which needs the user session).
 */
final class SoakClient implements AutoCloseable {

    static final long APP_ID = 4242L;
    static final String AUTH_KEY = "soak-auth-key";
    static final String AUTH_SECRET = "soak-auth-secret";
    static final String PASSWORD = "soakPass123";

    private final QbAuthClient client;
    private final long userId;
    private final Duration offset;
    private final AtomicLong sequence = new AtomicLong();

    private SoakClient(QbAuthClient client, long userId, Duration offset) {
        this.client = client;
        this.userId = userId;
        this.offset = offset;
    }

    /** The login of soak user {@code index}, seeded into the emulator. */
    static String login(int index) {
        return "soak_user_" + index;
    }

    /** Starts a client for user {@code index} on a shared transport and opens its user session. */
    static SoakClient start(QbEmulator emulator, AuthTransport transport, int index, Duration ttl, Duration offset)
            throws Exception {
        QbAuthClient client = QbAuth.builder().endpoint(emulator.baseUrl()).allowPlainHttp(true)
                .applicationId(APP_ID).authKey(AUTH_KEY).authSecret(AUTH_SECRET)
                .transport(transport).transportConfig(TransportConfig.defaults())
                .refreshPolicy(scaledTo(ttl))
                .build();
        long userId = client.createUserSession(Credentials.login(login(index), PASSWORD)).toCompletableFuture()
                .get(30, TimeUnit.SECONDS).userId();
        return new SoakClient(client, userId, offset);
    }

    /** The SDK's defaults (5 min / 60 s margins) would make a 3-second session stale on arrival: scale them. */
    private static RefreshPolicy scaledTo(Duration ttl) {
        return RefreshPolicy.custom()
                .prefetchMargin(ttl.dividedBy(4))
                .staleMargin(ttl.dividedBy(8))
                .fallbackTtl(ttl.multipliedBy(4))
                .minRetryInterval(Duration.ofMillis(50))
                .maxRetryInterval(Duration.ofSeconds(1))
                .build();
    }

    /** Whether the client is in the active part of its wave at {@code elapsed}. */
    boolean isActive(Duration elapsed, SoakConfig config) {
        long inWave = (elapsed.toMillis() + offset.toMillis()) % config.wave().toMillis();
        return inWave < config.active().toMillis();
    }

    CompletionStage<ApiResponse> call() {
        String path = "/users/" + userId + ".json";
        long n = sequence.incrementAndGet();
        if (n % 10 == 0) {
            byte[] body = ("{\"user\":{\"full_name\":\"Soak " + n + "\"}}").getBytes(StandardCharsets.UTF_8);
            return client.execute(ApiRequest.put(path).jsonBody(body));
        }
        return client.execute(ApiRequest.get(path));
    }

    @Override
    public void close() {
        client.close();
    }
}
