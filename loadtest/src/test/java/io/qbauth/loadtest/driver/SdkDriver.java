package io.qbauth.loadtest.driver;

import io.qbauth.QbAuth;
import io.qbauth.QbAuthClient;
import io.qbauth.UserPool;
import io.qbauth.adapter.codec.jackson.JacksonJsonCodec;
import io.qbauth.adapter.transport.jdk.JdkAuthTransport;
import io.qbauth.adapter.transport.vertx.VertxAuthTransport;
import io.qbauth.config.RefreshPolicy;
import io.qbauth.config.UserPoolConfig;
import io.qbauth.domain.Credentials;
import io.qbauth.loadtest.server.AppCredentials;
import io.qbauth.loadtest.server.UserAccount;
import io.qbauth.spi.AuthTransport;
import io.qbauth.spi.JsonCodec;
import io.qbauth.config.TransportConfig;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * The qbauth SDK on one transport. Every agent is its own {@link QbAuthClient} (its own session cache), and all of
 * them share one transport and one codec, as an application that serves many users would. {@link #userAgents}
 * gives the users of one {@link UserPool} on the same transport and codec instead: one session per user in one
 * pool, as the SDK offers a backend acting for many users at once.
 */
public final class SdkDriver implements Driver {

    /** The transports {@code -Dtransport} may name. */
    public enum Transport {
        /** {@link JdkAuthTransport} on {@code java.net.http.HttpClient}. */
        JDK,
        /** {@link VertxAuthTransport} on the Vert.x 5 HTTP client. */
        VERTX;

        /** Parses {@code jdk} or {@code vertx}. */
        public static Transport parse(String name) {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        }

        AuthTransport create(TransportConfig config) {
            return switch (this) {
                case JDK -> JdkAuthTransport.create(config);
                case VERTX -> VertxAuthTransport.create(config);
            };
        }
    }

    private final Transport kind;
    private final RefreshPolicy refreshPolicy;
    private final UnaryOperator<QbAuth.Builder> instrumentation;
    private final UnaryOperator<QbAuth.Builder> poolInstrumentation;
    private final List<UserPool> pools = new CopyOnWriteArrayList<>();
    private final AuthTransport transport;
    private final JsonCodec codec = new JacksonJsonCodec();

    /**
     * @param kind            the transport
     * @param refreshPolicy   when clients re-create sessions (scaled to the emulator's short TTL)
     * @param instrumentation applied to every client builder last (metrics), or {@link UnaryOperator#identity()}
     * @param poolInstrumentation the same for every user-pool builder (its own metric tags, so pool and clients
     *                        stay apart)
     */
    public SdkDriver(Transport kind, RefreshPolicy refreshPolicy, UnaryOperator<QbAuth.Builder> instrumentation,
            UnaryOperator<QbAuth.Builder> poolInstrumentation) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.refreshPolicy = Objects.requireNonNull(refreshPolicy, "refreshPolicy");
        this.instrumentation = Objects.requireNonNull(instrumentation, "instrumentation");
        this.poolInstrumentation = Objects.requireNonNull(poolInstrumentation, "poolInstrumentation");
        this.transport = kind.create(TransportConfig.defaults());
    }

    @Override
    public String name() {
        return "sdk-" + kind.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public Agent newAgent(AppCredentials app) {
        return new SdkAgent(instrumentation.apply(builder(app)).build());
    }

    /**
     * The users of one new {@link UserPool} for {@code app}, which holds all of them ({@code maxIdentities} = their
     * number, so none is evicted): each is keyed by its login and signs in with its login and password.
     */
    @Override
    public List<Agent> userAgents(AppCredentials app, List<UserAccount> users) {
        UserPool pool = poolInstrumentation.apply(builder(app))
                .buildUserPool(UserPoolConfig.builder().maxIdentities(Math.max(1, users.size())).build());
        pools.add(pool);
        return users.stream()
                .<Agent>map(user -> new PooledAgent(pool.forUser(user.login(),
                        Credentials.login(user.login(), user.password()))))
                .toList();
    }

    private QbAuth.Builder builder(AppCredentials app) {
        return QbAuth.builder()
                .endpoint(app.baseUrl())
                .allowPlainHttp("http".equalsIgnoreCase(app.baseUrl().getScheme()))
                .applicationId(app.id())
                .authKey(app.authKey())
                .authSecret(app.authSecret())
                .refreshPolicy(refreshPolicy)
                .transport(transport)
                .codec(codec);
    }

    @Override
    public void close() {
        pools.forEach(UserPool::close);
        transport.close();
    }

    @Override
    public String toString() {
        return "SdkDriver[" + name() + "]";
    }
}
