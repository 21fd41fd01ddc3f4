package io.qbauth.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.domain.AuthMethod;
import io.qbauth.domain.SessionKind;
import io.qbauth.event.AuthEvent;
import io.qbauth.event.AuthEvent.Operation;
import io.qbauth.event.AuthEvent.OperationCompleted;
import io.qbauth.event.AuthEvent.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ClientOperationsTest {

    private final AtomicInteger kindLookups = new AtomicInteger();

    @Test
    void without_a_listener_the_operation_runs_as_it_is_and_nothing_is_looked_up() {
        ClientOperations operations = new ClientOperations(new Events(List.of()), this::currentKind);
        CompletableFuture<String> body = new CompletableFuture<>();

        CompletableFuture<String> run = operations.run(Operation.EXECUTE, null, () -> body);
        body.complete("reply");

        assertThat(run).as("the operation's own stage, no wrapper").isSameAs(body);
        assertThat(kindLookups).hasValue(0);
    }

    @Test
    void with_a_listener_one_event_follows_the_completion() {
        List<AuthEvent> events = new ArrayList<>();
        ClientOperations operations = new ClientOperations(new Events(List.of(events::add)), this::currentKind);
        CompletableFuture<String> body = new CompletableFuture<>();

        CompletableFuture<String> run = operations.run(Operation.LOGOUT, null, () -> body);
        assertThat(events).isEmpty();
        body.completeExceptionally(new CompletionException(new IllegalStateException("codec bug")));

        assertThat(run).isSameAs(body);
        assertThat(kindLookups).hasValue(1);
        assertThat(events).singleElement().isInstanceOfSatisfying(OperationCompleted.class, e -> {
            assertThat(e.operation()).isEqualTo(Operation.LOGOUT);
            assertThat(e.kind()).isEqualTo(SessionKind.USER);
            assertThat(e.outcome()).isEqualTo(Outcome.OTHER);
        });
    }

    @Test
    void a_body_that_throws_or_returns_no_stage_fails_the_stage_and_is_published() {
        List<AuthEvent> events = new ArrayList<>();
        for (ClientOperations operations : List.of(new ClientOperations(new Events(List.of()), this::currentKind),
                new ClientOperations(new Events(List.of(events::add)), this::currentKind))) {
            assertThat(operations.<String>run(Operation.LOGIN, AuthMethod.EMAIL, () -> {
                throw new IllegalStateException("boom");
            })).isCompletedExceptionally();
            assertThat(operations.<String>run(Operation.LOGIN, AuthMethod.EMAIL, () -> null))
                    .isCompletedExceptionally();
        }

        assertThat(events).hasSize(2).allSatisfy(e -> assertThat(e).isEqualTo(new OperationCompleted(Operation.LOGIN,
                SessionKind.USER, AuthMethod.EMAIL, Outcome.OTHER, ((OperationCompleted) e).duration())));
        assertThat(kindLookups).as("login establishes a user session: nothing to look up").hasValue(0);
    }

    @Test
    void a_listener_that_throws_never_fails_the_operation() {
        ClientOperations operations = new ClientOperations(new Events(List.of(event -> {
            throw new AssertionError("listener bug");
        })), this::currentKind);

        assertThat(operations.run(Operation.GET_SESSION, null, () -> CompletableFuture.completedFuture("ok")))
                .isCompletedWithValue("ok");
    }

    private SessionKind currentKind() {
        kindLookups.incrementAndGet();
        return SessionKind.USER;
    }
}
