package io.qbauth.adapter.metrics.micrometer.tracing;

import static io.qbauth.adapter.metrics.micrometer.support.ObservationRecorder.high;
import static io.qbauth.adapter.metrics.micrometer.support.ObservationRecorder.low;
import static io.qbauth.adapter.metrics.micrometer.support.ObservationRecorder.parent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import io.qbauth.BlockingQbAuthClient;
import io.qbauth.QbAuthClient;
import io.qbauth.adapter.metrics.micrometer.QbAuthObservations;
import io.qbauth.adapter.metrics.micrometer.support.Emulators;
import io.qbauth.adapter.metrics.micrometer.support.ObservationRecorder;
import io.qbauth.domain.ApiRequest;
import io.qbauth.domain.Credentials;
import io.qbauth.domain.InvalidCredentialsException;
import io.qbauth.domain.Session;
import io.qbauth.domain.User;
import io.qbauth.emulator.Fault;
import io.qbauth.emulator.QbEmulator;
import io.qbauth.testkit.TestClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The observation tree of a scripted journey against the real emulator over real HTTP, step by step (the steps
 * share one client, in order): names, key values, parent/child links and errors, as auth-metrics' README documents
 * them. Recorded with {@link TestObservationRegistry} (which also validates every observation's lifecycle) and a
 * recording handler that keeps the start order and the tree.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ObservationTreeTest {

    private static final int CALLERS = 50;

    private final TestClock emulatorClock = TestClock.followingSystem();
    private final TestObservationRegistry registry = TestObservationRegistry.create();
    private final ObservationRecorder recorder = new ObservationRecorder();
    private QbEmulator emulator;
    private QbAuthClient client;
    private BlockingQbAuthClient blocking;
    private User alice;

    @BeforeAll
    void start() {
        registry.observationConfig().observationHandler(recorder);
        emulator = Emulators.builder(emulatorClock).start();
        client = QbAuthObservations.instrument(Emulators.client(emulator), registry).build();
        blocking = client.blocking();
    }

    @AfterAll
    void stop() {
        client.close();
        emulator.close();
    }

    @BeforeEach
    void forget() {
        registry.clear();
        recorder.clear();
    }

    @Test
    @Order(1)
    void an_explicit_creation_is_an_operation_holding_the_creation_and_its_exchange() {
        blocking.createApplicationSession();

        Observation.Context operation = single(tree());
        assertThat(operation.getName()).isEqualTo(QbAuthObservations.OPERATION);
        assertThat(operation.getContextualName()).isEqualTo("qbauth create_session");
        assertThat(low(operation)).containsAllEntriesOf(Map.of("operation", "create_session",
                "session.kind", "application", "auth.method", "none", "outcome", "success", "exception", "none",
                "client.name", "qbauth"));
        Observation.Context creation = single(recorder.children(operation));
        assertThat(creation.getName()).isEqualTo(QbAuthObservations.SESSION_CREATION);
        assertThat(low(creation)).containsAllEntriesOf(Map.of("reason", "explicit", "session.kind", "application",
                "outcome", "success"));
        Observation.Context exchange = single(recorder.children(creation));
        assertThat(exchange.getName()).isEqualTo(QbAuthObservations.HTTP_EXCHANGE);
        assertThat(exchange.getContextualName()).isEqualTo("POST /session.json");
        assertThat(low(exchange)).containsAllEntriesOf(Map.of("method", "POST", "uri", "/session.json",
                "outcome", "SUCCESS", "exception", "none", "transport", "jdk", "replay", "false"));
        assertThat(low(exchange).get("status")).matches("2\\d\\d");
        assertThat(high(exchange)).containsEntry("http.url", emulator.baseUrl() + "/session.json");
        assertThat(recorder.children(exchange)).isEmpty();
        TestObservationRegistryAssert.assertThat(registry).hasNumberOfObservationsEqualTo(3)
                .hasObservationWithNameEqualTo(QbAuthObservations.HTTP_EXCHANGE).that().hasBeenStarted()
                .hasBeenStopped().hasParentObservationContextMatching(context -> context == creation);
    }

    @Test
    @Order(2)
    void a_wrong_password_sets_the_error_on_the_login_and_leaves_the_exchange_a_reply() {
        assertThatThrownBy(() -> blocking.login(Credentials.login(Emulators.ALICE, "not-" + Emulators.ALICE_PASSWORD)))
                .isInstanceOf(InvalidCredentialsException.class);

        Observation.Context login = single(tree());
        assertThat(low(login)).containsAllEntriesOf(Map.of("operation", "login", "session.kind", "user",
                "auth.method", "login", "outcome", "failure", "exception", "InvalidCredentialsException"));
        assertThat(login.getError()).isInstanceOf(InvalidCredentialsException.class);
        Observation.Context exchange = single(recorder.children(login));
        assertThat(low(exchange)).containsAllEntriesOf(Map.of("method", "POST", "uri", "/login.json",
                "status", "401", "outcome", "CLIENT_ERROR", "exception", "none"));
        assertThat(exchange.getError()).isNull();
    }

    @Test
    @Order(3)
    void a_login_upgrades_the_current_session_with_one_exchange() {
        alice = blocking.login(Credentials.login(Emulators.ALICE, Emulators.ALICE_PASSWORD));

        Observation.Context login = single(tree());
        assertThat(low(login)).containsAllEntriesOf(Map.of("operation", "login", "outcome", "success",
                "session.kind", "user"));
        assertThat(login.getError()).isNull();
        assertThat(low(single(recorder.children(login)))).containsAllEntriesOf(Map.of("uri", "/login.json",
                "status", "202"));
    }

    @Test
    @Order(4)
    void a_server_side_expiry_shows_the_rejected_exchange_then_the_replay_with_the_re_creation_inside() {
        ApiRequest readAlice = ApiRequest.get("/users/{id}.json", alice.id());
        emulatorClock.advance(Duration.ofHours(3));

        assertThat(blocking.execute(readAlice).status()).isEqualTo(200);

        Observation.Context call = single(tree());
        assertThat(low(call)).containsAllEntriesOf(Map.of("operation", "api_call", "outcome", "success",
                "session.kind", "user"));
        List<Observation.Context> steps = recorder.children(call);
        assertThat(steps).extracting(Observation.Context::getName).containsExactly(
                QbAuthObservations.SESSION_ACQUISITION, QbAuthObservations.HTTP_EXCHANGE,
                QbAuthObservations.REQUEST_REPLAY);
        assertThat(low(steps.get(0))).containsEntry("outcome", "cached");
        assertThat(low(steps.get(1))).containsAllEntriesOf(Map.of("uri", "/users/{id}.json", "status", "401",
                "replay", "false"));
        assertThat(high(steps.get(1))).containsEntry("http.url", emulator.baseUrl() + "/users/{id}.json");
        Observation.Context replay = steps.get(2);
        assertThat(low(replay)).containsAllEntriesOf(Map.of("method", "GET", "result", "replayed",
                "outcome", "success"));
        List<Observation.Context> inReplay = recorder.children(replay);
        assertThat(inReplay).extracting(Observation.Context::getName).containsExactly(
                QbAuthObservations.SESSION_ACQUISITION, QbAuthObservations.HTTP_EXCHANGE);
        Observation.Context acquisition = inReplay.get(0);
        assertThat(low(acquisition)).containsAllEntriesOf(Map.of("outcome", "created", "session.kind", "user"));
        Observation.Context creation = single(recorder.children(acquisition));
        assertThat(low(creation)).containsAllEntriesOf(Map.of("reason", "rejected_by_server", "session.kind", "user",
                "auth.method", "login", "outcome", "success"));
        assertThat(high(acquisition).get("qbauth.session.creation.id"))
                .isEqualTo(high(creation).get("qbauth.session.creation.id")).isNotBlank();
        assertThat(low(single(recorder.children(creation)))).containsAllEntriesOf(Map.of("uri", "/session.json",
                "method", "POST"));
        assertThat(low(inReplay.get(1))).containsAllEntriesOf(Map.of("uri", "/users/{id}.json", "status", "200",
                "replay", "true"));
        System.getLogger(getClass().getName()).log(System.Logger.Level.DEBUG, "re-created session:\n{0}",
                recorder.render());
    }

    @Test
    @Order(5)
    void logout_and_destroy_are_one_exchange_each() {
        blocking.logout();
        Observation.Context logout = single(tree());
        assertThat(low(logout)).containsAllEntriesOf(Map.of("operation", "logout", "session.kind", "user",
                "outcome", "success"));
        assertThat(low(single(recorder.children(logout)))).containsAllEntriesOf(Map.of("method", "DELETE",
                "uri", "/login.json"));
        recorder.clear();

        blocking.destroySession();
        Observation.Context destroy = single(tree());
        assertThat(low(destroy)).containsAllEntriesOf(Map.of("operation", "destroy_session",
                "session.kind", "application", "outcome", "success"));
        assertThat(low(single(recorder.children(destroy)))).containsAllEntriesOf(Map.of("method", "DELETE",
                "uri", "/session.json"));
    }

    @Test
    @Order(6)
    void fifty_concurrent_callers_join_one_creation_and_name_it() {
        emulator.faults().set(Fault.latency(Duration.ofMillis(300)).on("POST", "/session.json").times(1));
        List<CompletableFuture<Session>> calls = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            calls.add(client.getSession().toCompletableFuture());
        }
        calls.forEach(CompletableFuture::join);

        List<Observation.Context> operations = tree();
        assertThat(operations).hasSize(CALLERS).allSatisfy(operation -> {
            assertThat(low(operation)).containsEntry("operation", "get_session").containsEntry("outcome", "success");
            assertThat(recorder.children(operation)).extracting(Observation.Context::getName).containsExactly(
                    QbAuthObservations.SESSION_ACQUISITION, QbAuthObservations.HTTP_EXCHANGE);
        });
        List<Observation.Context> acquisitions = recorder.named(QbAuthObservations.SESSION_ACQUISITION);
        List<Observation.Context> created = acquisitions.stream()
                .filter(acquisition -> low(acquisition).get("outcome").equals("created")).toList();
        List<Observation.Context> joined = acquisitions.stream()
                .filter(acquisition -> low(acquisition).get("outcome").equals("joined")).toList();
        assertThat(created).hasSize(1);
        assertThat(joined).hasSize(CALLERS - 1);
        Observation.Context creation = single(recorder.named(QbAuthObservations.SESSION_CREATION));
        assertThat(parent(creation)).isSameAs(created.get(0));
        assertThat(low(creation)).containsAllEntriesOf(Map.of("reason", "initial", "session.kind", "application"));
        String creationId = high(creation).get("qbauth.session.creation.id");
        assertThat(joined).allSatisfy(joiner -> {
            assertThat(high(joiner)).containsEntry("qbauth.session.creation.id", creationId);
            assertThat(recorder.children(joiner)).isEmpty();
        });
        assertThat(recorder.named(QbAuthObservations.HTTP_EXCHANGE)).hasSize(CALLERS + 1);
        TestObservationRegistryAssert registryAssert = TestObservationRegistryAssert.assertThat(registry)
                .hasNumberOfObservationsWithNameEqualTo(QbAuthObservations.OPERATION, CALLERS)
                .hasNumberOfObservationsWithNameEqualTo(QbAuthObservations.SESSION_ACQUISITION, CALLERS)
                .hasNumberOfObservationsWithNameEqualTo(QbAuthObservations.SESSION_CREATION, 1);
        for (String name : List.of(QbAuthObservations.OPERATION, QbAuthObservations.SESSION_ACQUISITION,
                QbAuthObservations.SESSION_CREATION, QbAuthObservations.HTTP_EXCHANGE)) {
            registryAssert.forAllObservationsWithNameEqualTo(name, observation -> observation.doesNotHaveError()
                    .hasLowCardinalityKeyValue("client.name", "qbauth"));
        }
    }

    /** The roots recorded by the step, once every observation has stopped; all roots are operations. */
    private List<Observation.Context> tree() {
        recorder.awaitAllStopped();
        List<Observation.Context> roots = recorder.roots();
        assertThat(roots).as(recorder.render()).allSatisfy(root ->
                assertThat(root.getName()).isEqualTo(QbAuthObservations.OPERATION));
        return roots;
    }

    private Observation.Context single(List<Observation.Context> contexts) {
        assertThat(contexts).as(recorder.render()).hasSize(1);
        return contexts.get(0);
    }
}
