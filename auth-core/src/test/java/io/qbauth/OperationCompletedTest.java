package io.qbauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qbauth.domain.ApiRequest;
import io.qbauth.domain.AuthMethod;
import io.qbauth.domain.Credentials;
import io.qbauth.domain.InvalidCredentialsException;
import io.qbauth.domain.NewUser;
import io.qbauth.domain.Session;
import io.qbauth.domain.SessionKind;
import io.qbauth.event.AuthEvent;
import io.qbauth.event.AuthEvent.Operation;
import io.qbauth.event.AuthEvent.OperationCompleted;
import io.qbauth.event.AuthEvent.Outcome;
import io.qbauth.testing.FakeQuickBlox;
import io.qbauth.testing.ManualClock;
import io.qbauth.testing.TestCodec;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every client operation publishes one {@link OperationCompleted}, after its stage completed. */
class OperationCompletedTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2030-01-01T00:00:00Z"));
    private final FakeQuickBlox server = new FakeQuickBlox(clock).withUser("alice", "alicePass123");
    private final Queue<AuthEvent> events = new ConcurrentLinkedQueue<>();
    private final QbAuthClient client = QbAuth.builder().endpoint(URI.create("https://qb.test"))
            .applicationId(FakeQuickBlox.APP_ID).authKey("key").authSecret("secret").apiKey("api-key").clock(clock)
            .transport(server).codec(new TestCodec()).listener(events::add).build();

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void each_operation_is_published_with_its_kind_method_and_outcome() {
        BlockingQbAuthClient blocking = client.blocking();
        blocking.createApplicationSession();
        blocking.login(Credentials.login("alice", "alicePass123"));
        blocking.getSession();
        blocking.execute(ApiRequest.get("/notes/{id}.json", 7));
        blocking.logout();
        blocking.signUp(NewUser.builder().login("newcomer").password("pw-12345678").build());
        blocking.destroySession();
        blocking.createUserSession(Credentials.login("alice", "alicePass123"));
        assertThatThrownBy(() -> blocking.login(Credentials.login("alice", "wrong-password")))
                .isInstanceOf(InvalidCredentialsException.class);

        assertThat(completed()).extracting(e -> e.operation() + " " + e.kind() + " " + e.method() + " "
                + e.outcome()).containsExactly(
                "CREATE_APPLICATION_SESSION APPLICATION null SUCCESS",
                "LOGIN USER LOGIN SUCCESS",
                "GET_SESSION USER null SUCCESS",
                "EXECUTE USER null SUCCESS",
                "LOGOUT USER null SUCCESS",
                "SIGN_UP APPLICATION null SUCCESS",
                "DESTROY_SESSION APPLICATION null SUCCESS",
                "CREATE_USER_SESSION USER LOGIN SUCCESS",
                "LOGIN USER LOGIN INVALID_CREDENTIALS");
        assertThat(completed()).allSatisfy(e -> assertThat(e.duration().isNegative()).isFalse());
    }

    @Test
    void an_adopted_token_is_published_with_the_kind_it_turned_out_to_have() {
        String token = client.blocking().createUserSession(Credentials.login("alice", "alicePass123")).token()
                .value();
        events.clear();

        Session adopted = client.blocking().startSessionWithToken(token);
        assertThat(client.startSessionWithToken(" ").toCompletableFuture()).isCompletedExceptionally();

        assertThat(adopted.kind()).isEqualTo(SessionKind.USER);
        assertThat(completed()).containsExactly(
                new OperationCompleted(Operation.START_WITH_TOKEN, SessionKind.USER, AuthMethod.TOKEN,
                        Outcome.SUCCESS, completed().get(0).duration()),
                new OperationCompleted(Operation.START_WITH_TOKEN, null, AuthMethod.TOKEN, Outcome.INVALID_INPUT,
                        completed().get(1).duration()));
    }

    @Test
    void the_event_comes_after_the_callers_stage_has_completed() {
        CompletableFuture<Void> gate = server.holdCreations();
        AtomicReference<CompletionStage<Session>> stage = new AtomicReference<>();
        List<Boolean> doneWhenPublished = new ArrayList<>();
        try (QbAuthClient watched = QbAuth.builder().endpoint(URI.create("https://qb.test"))
                .applicationId(FakeQuickBlox.APP_ID).authKey("key").authSecret("secret").clock(clock)
                .transport(server).codec(new TestCodec())
                .listener(event -> {
                    if (event instanceof OperationCompleted) {
                        doneWhenPublished.add(stage.get().toCompletableFuture().isDone());
                    }
                }).build()) {

            stage.set(watched.createApplicationSession());
            assertThat(doneWhenPublished).as("nothing before the operation completes").isEmpty();
            gate.complete(null);

            assertThat(stage.get().toCompletableFuture().join().kind()).isEqualTo(SessionKind.APPLICATION);
            assertThat(doneWhenPublished).containsExactly(true);
        }
    }

    @Test
    void a_call_on_a_closed_client_is_published_as_client_closed_and_sign_up_with_an_api_key_has_its_own_operation() {
        client.blocking().signUpWithApiKey(NewUser.builder().login("server-made").password("pw-12345678").build());
        client.close();
        assertThat(client.execute(ApiRequest.get("/a.json")).toCompletableFuture()).isCompletedExceptionally();

        assertThat(completed()).extracting(OperationCompleted::operation, OperationCompleted::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Operation.SIGN_UP_WITH_API_KEY, Outcome.SUCCESS),
                org.assertj.core.groups.Tuple.tuple(Operation.EXECUTE, Outcome.CLIENT_CLOSED));
    }

    private List<OperationCompleted> completed() {
        return events.stream().filter(OperationCompleted.class::isInstance).map(OperationCompleted.class::cast)
                .toList();
    }
}
