package io.qbauth.adapter.metrics.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.qbauth.BlockingQbAuthClient;
import io.qbauth.QbAuth;
import io.qbauth.QbAuthClient;
import io.qbauth.adapter.metrics.micrometer.support.InMemoryQuickBlox;
import io.qbauth.domain.ApiRequest;
import io.qbauth.domain.Credentials;
import io.qbauth.domain.InvalidCredentialsException;
import io.qbauth.domain.NewUser;
import io.qbauth.domain.SessionKind;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every operation of an instrumented client, through the real core, against the in-memory QuickBlox: the core's
 * {@code OperationCompleted} events become the {@code qbauth.operations} timer, with the tags the retired client
 * decorator gave it.
 */
class OperationMetricsTest {

    private static final String TIMER = QbAuthMetrics.OPERATIONS;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final InMemoryQuickBlox quickBlox = new InMemoryQuickBlox();
    private final QbAuthClient client = QbAuthMetrics.instrument(QbAuth.builder(), registry)
            .endpoint(URI.create("https://api.example.com"))
            .applicationId(1).authKey("key").authSecret("secret").apiKey("api-key")
            .transport(quickBlox)
            .build();
    private final BlockingQbAuthClient blocking = client.blocking();

    @AfterEach
    void close() {
        client.close();
    }

    /**
     * Metrics decorate the transport (and listen to the client): the blocking view of the instrumented client still
     * asks the transport whether the calling thread must not block (a Vert.x event loop), and refuses the call there.
     */
    @Test
    void the_blocking_view_of_the_instrumented_client_keeps_the_transports_thread_rule() {
        java.util.concurrent.atomic.AtomicInteger sent = new java.util.concurrent.atomic.AtomicInteger();
        io.qbauth.spi.AuthTransport eventLoopOnly = new io.qbauth.spi.AuthTransport() {
            @Override
            public java.util.concurrent.CompletionStage<io.qbauth.domain.ApiResponse> execute(
                    io.qbauth.spi.TransportRequest request) {
                sent.incrementAndGet();
                return quickBlox.execute(request);
            }

            @Override
            public boolean currentThreadMustNotBlock() {
                return true;
            }
        };
        try (QbAuthClient instrumented = QbAuthMetrics.instrument(QbAuth.builder(), registry)
                .endpoint(URI.create("https://api.example.com"))
                .applicationId(1).authKey("key").authSecret("secret")
                .transport(eventLoopOnly)
                .build()) {

            org.assertj.core.api.Assertions.assertThatThrownBy(() -> instrumented.blocking().createApplicationSession())
                    .isInstanceOf(io.qbauth.domain.ConfigurationException.class)
                    .hasMessageContaining("asynchronous API");
            assertThat(sent).hasValue(0);
        }
    }

    @Test
    void each_operation_is_timed_with_its_kind_method_and_outcome() {
        blocking.createApplicationSession();
        blocking.login(Credentials.email("someone@example.com", "pw-1"));
        blocking.getSession();
        blocking.execute(ApiRequest.get("/users/7.json"));
        blocking.logout();
        blocking.signUp(NewUser.builder().login("newcomer").password("pw-12345678").build());
        blocking.signUpWithApiKey(NewUser.builder().login("server-made").password("pw-12345678").build());
        blocking.destroySession();
        blocking.startSessionWithToken("token-from-elsewhere");
        blocking.createUserSession(Credentials.login("someone", "pw-1"));

        assertThat(samples()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "create_session application none success none", 1L,
                "login user email success none", 1L,
                "get_session user none success none", 1L,
                "api_call user none success none", 1L,
                "logout user none success none", 1L,
                "sign_up application none success none", 1L,
                "sign_up application api_key success none", 1L,
                "destroy_session application none success none", 1L,
                "start_with_token application token success none", 1L,
                "create_session user login success none", 1L));
    }

    @Test
    void a_failure_is_tagged_with_the_auth_exception_subtype() {
        assertThatThrownBy(() -> blocking.login(Credentials.login("someone", InMemoryQuickBlox.WRONG_PASSWORD)))
                .isInstanceOf(InvalidCredentialsException.class);
        assertThat(client.login(null).toCompletableFuture()).isCompletedExceptionally();
        assertThat(client.startSessionWithToken(" ").toCompletableFuture()).isCompletedExceptionally();

        assertThat(samples()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "login user login failure InvalidCredentialsException", 1L,
                "login user none failure InvalidInputException", 1L,
                "start_with_token none token failure InvalidInputException", 1L));
    }

    /**
     * The event is published once the operation's stage has completed. The in-memory QuickBlox answers at once, so
     * the stage is complete before it is returned and the sample is recorded before the caller's continuation runs.
     */
    @Test
    void the_sample_is_there_when_the_caller_sees_the_result() {
        client.createApplicationSession().thenRun(() -> assertThat(registry.get(TIMER).timer().count()).isOne())
                .toCompletableFuture().join();
    }

    @Test
    void every_sample_has_the_same_tag_keys() {
        blocking.createApplicationSession();
        assertThatThrownBy(() -> blocking.login(Credentials.login("someone", InMemoryQuickBlox.WRONG_PASSWORD)));
        blocking.execute(ApiRequest.get("/users/7.json"));

        assertThat(registry.get(TIMER).timers()).extracting(timer -> timer.getId().getTags().stream()
                        .map(Tag::getKey).toList())
                .containsOnly(List.of("auth.method", "exception", "operation", "outcome", "session.kind"));
    }

    @Test
    void a_call_after_close_is_timed_as_a_client_closed_failure() {
        client.close();

        assertThat(client.execute(ApiRequest.get("/users/7.json")).toCompletableFuture()).isCompletedExceptionally();
        assertThat(samples()).containsExactlyEntriesOf(Map.of("api_call none none failure ClientClosedException", 1L));
    }

    @Test
    void current_session_and_close_are_delegated() {
        blocking.createApplicationSession();

        assertThat(client.currentSession()).get().extracting(session -> session.kind())
                .isEqualTo(SessionKind.APPLICATION);
        client.close();
        assertThat(client.createApplicationSession().toCompletableFuture()).isCompletedExceptionally();
        assertThat(quickBlox.closes()).as("a given transport stays open").isZero();
    }

    /** "operation session.kind auth.method outcome exception" to sample count. */
    private Map<String, Long> samples() {
        Map<String, Long> samples = new TreeMap<>();
        for (Timer timer : registry.get(TIMER).timers()) {
            var id = timer.getId();
            samples.put(String.join(" ", id.getTag("operation"), id.getTag("session.kind"),
                    id.getTag("auth.method"), id.getTag("outcome"), id.getTag("exception")), timer.count());
        }
        return samples;
    }
}
