package io.qbauth.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.qbauth.BlockingQbAuthClient;
import io.qbauth.QbAuthClient;
import io.qbauth.UserPool;
import io.qbauth.adapter.metrics.micrometer.QbAuthMetrics;
import io.qbauth.adapter.transport.vertx.VertxAuthTransport;
import io.qbauth.config.QbAuthConfig;
import io.qbauth.config.TransportConfig;
import io.qbauth.domain.ApiRequest;
import io.qbauth.domain.ClientClosedException;
import io.qbauth.domain.Credentials;
import io.qbauth.domain.MintedToken;
import io.qbauth.domain.SessionKind;
import io.qbauth.emulator.junit.QbEmulatorExtension;
import io.qbauth.event.AuthEvent;
import io.qbauth.spi.AuthTransport;
import io.qbauth.spi.TransportRequest;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The beans, their conditions and their life cycle, against the real emulator over real HTTP. */
class QbAuthAutoConfigurationTest {

    @RegisterExtension
    static final QbEmulatorExtension EMULATOR = TestEmulator.extension();

    @Test
    void properties_give_a_working_client_and_its_blocking_facade() {
        TestEmulator.runner(EMULATOR).run(context -> {
            assertThat(context).hasSingleBean(QbAuthClient.class).hasSingleBean(BlockingQbAuthClient.class)
                    .hasSingleBean(QbAuthConfig.class);
            QbAuthConfig config = context.getBean(QbAuthConfig.class);
            assertThat(config.applicationId()).isEqualTo(TestEmulator.APP_ID);
            assertThat(config.apiKey()).contains(TestEmulator.API_KEY);

            BlockingQbAuthClient qb = context.getBean(BlockingQbAuthClient.class);
            qb.createUserSession(Credentials.login(TestEmulator.ALICE, TestEmulator.ALICE_PASSWORD));
            long userId = qb.currentSession().orElseThrow().userId();
            assertThat(qb.execute(ApiRequest.get("/users/{id}.json", userId)).bodyAsString())
                    .contains(TestEmulator.ALICE);
        });
    }

    @Test
    void the_jdk_transport_is_the_default() {
        TestEmulator.runner(EMULATOR).run(context ->
                assertThat(context.getBean(AuthTransport.class).name()).isEqualTo("jdk"));
    }

    @Test
    void the_vertx_transport_runs_on_the_application_vertx_and_leaves_it_open() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            TestEmulator.runner(EMULATOR).withBean(Vertx.class, () -> vertx).run(context -> {
                assertThat(context.getBean(AuthTransport.class).name()).isEqualTo("vertx");
                assertThat(context.getBean(BlockingQbAuthClient.class).createApplicationSession().kind())
                        .isEqualTo(SessionKind.APPLICATION);
            });
            // the context is closed: its transport too, the application's Vert.x not (it still serves a client)
            try (VertxAuthTransport again = VertxAuthTransport.create(vertx, TransportConfig.defaults())) {
                assertThat(again.execute(sessionRequest()).toCompletableFuture().get(10, TimeUnit.SECONDS).status())
                        .isEqualTo(401);
            }
        } finally {
            vertx.close().await();
        }
    }

    @Test
    void without_the_vertx_module_a_vertx_bean_leaves_the_jdk_transport() {
        Vertx vertx = Vertx.vertx();
        try {
            TestEmulator.runner(EMULATOR).withBean(Vertx.class, () -> vertx)
                    .withClassLoader(new FilteredClassLoader(VertxAuthTransport.class))
                    .run(context -> assertThat(context.getBean(AuthTransport.class).name()).isEqualTo("jdk"));
        } finally {
            vertx.close().await();
        }
    }

    @Test
    void transport_type_jdk_wins_over_a_vertx_bean_and_type_vertx_works_without_one() {
        Vertx vertx = Vertx.vertx();
        try {
            TestEmulator.runner(EMULATOR).withBean(Vertx.class, () -> vertx)
                    .withPropertyValues("qbauth.transport.type=jdk")
                    .run(context -> assertThat(context.getBean(AuthTransport.class).name()).isEqualTo("jdk"));
        } finally {
            vertx.close().await();
        }
        TestEmulator.runner(EMULATOR).withPropertyValues("qbauth.transport.type=vertx").run(context -> {
            assertThat(context.getBean(AuthTransport.class).name()).isEqualTo("vertx");
            assertThat(context.getBean(BlockingQbAuthClient.class).createApplicationSession().kind())
                    .isEqualTo(SessionKind.APPLICATION);
        });
    }

    @Test
    void beans_of_the_application_win() {
        CountingTransport counting = new CountingTransport();
        TestEmulator.runner(EMULATOR).withBean(AuthTransport.class, () -> counting).run(context -> {
            assertThat(context).hasSingleBean(AuthTransport.class);
            context.getBean(BlockingQbAuthClient.class).createApplicationSession();
            assertThat(counting.calls.get()).isEqualTo(1);
        });
        TestEmulator.runner(EMULATOR).withUserConfiguration(OwnClient.class).run(context -> {
            assertThat(context).hasSingleBean(QbAuthClient.class);
            assertThat(context.getBean(QbAuthClient.class)).isSameAs(OwnClient.CLIENT);
            assertThat(context.getBean(BlockingQbAuthClient.class).currentSession()).isEmpty();
        });
    }

    @Test
    void the_meters_go_to_the_application_registry_when_there_is_one() {
        TestEmulator.runner(EMULATOR).withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
            context.getBean(BlockingQbAuthClient.class).createApplicationSession();
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            TestEmulator.awaitTrue(() -> registry.find(QbAuthMetrics.OPERATIONS).timer() != null);
            assertThat(registry.find(QbAuthMetrics.OPERATIONS).timer().count()).isEqualTo(1);
            assertThat(registry.find(QbAuthMetrics.HTTP_CLIENT_REQUESTS).timer().count()).isEqualTo(1);
        });
        TestEmulator.runner(EMULATOR).run(context ->
                assertThat(context).doesNotHaveBean("qbAuthMetricsCustomizer"));
        TestEmulator.runner(EMULATOR).withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withClassLoader(new FilteredClassLoader(QbAuthMetrics.class))
                .run(context -> assertThat(context).doesNotHaveBean("qbAuthMetricsCustomizer"));
    }

    @Test
    void customizers_adjust_the_client_builder() {
        List<AuthEvent> events = new CopyOnWriteArrayList<>();
        TestEmulator.runner(EMULATOR)
                .withBean(QbAuthBuilderCustomizer.class, () -> builder -> builder.listener(events::add))
                .run(context -> {
                    context.getBean(BlockingQbAuthClient.class).createApplicationSession();
                    TestEmulator.awaitTrue(() -> events.stream().anyMatch(AuthEvent.SessionCreated.class::isInstance));
                    assertThat(events).anyMatch(AuthEvent.SessionCreated.class::isInstance);
                });
    }

    @Test
    void the_user_pool_is_created_only_when_injected_and_mints_tokens() {
        TestEmulator.runner(EMULATOR).withPropertyValues("qbauth.pool.max-identities=7").run(context -> {
            assertThat(context.getBeanFactory().containsSingleton("qbAuthUserPool")).isFalse();
            UserPool pool = context.getBean(UserPool.class);
            assertThat(pool.config().maxIdentities()).isEqualTo(7);
            MintedToken minted = pool.mintToken("alice", Credentials.login(TestEmulator.ALICE,
                    TestEmulator.ALICE_PASSWORD), Duration.ofMinutes(30)).toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertThat(minted.userId()).isPositive();
        });
        TestEmulator.runner(EMULATOR).withPropertyValues("qbauth.pool.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(UserPool.class));
    }

    @Test
    void closing_the_context_closes_the_client_and_its_transport() {
        QbAuthClient[] client = new QbAuthClient[1];
        AuthTransport[] transport = new AuthTransport[1];
        TestEmulator.runner(EMULATOR).run(context -> {
            client[0] = context.getBean(QbAuthClient.class);
            transport[0] = context.getBean(AuthTransport.class);
            client[0].blocking().createApplicationSession();
        });
        assertThatThrownBy(() -> client[0].blocking().getSession()).isInstanceOf(ClientClosedException.class);
        assertThat(transport[0].execute(sessionRequest())).isCompletedExceptionally();
    }

    private static TransportRequest sessionRequest() {
        return new TransportRequest("GET", EMULATOR.baseUrl().resolve("/session.json"), java.util.Map.of(), null,
                Duration.ofSeconds(10));
    }

    /** A real JDK transport that counts its exchanges. */
    static final class CountingTransport implements AuthTransport {
        final AtomicInteger calls = new AtomicInteger();
        private final AuthTransport delegate = DiscoveredTransports.jdk(TransportConfig.defaults(),
                CountingTransport.class.getClassLoader());

        @Override
        public CompletionStage<io.qbauth.domain.ApiResponse> execute(TransportRequest request) {
            calls.incrementAndGet();
            return delegate.execute(request);
        }

        @Override
        public String name() {
            return "counting";
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnClient {
        static final QbAuthClient CLIENT = io.qbauth.QbAuth.builder().applicationId(1).authKey("k").authSecret("s")
                .transport(new CountingTransport()).build();

        @Bean
        QbAuthClient ownClient() {
            return CLIENT;
        }
    }
}
