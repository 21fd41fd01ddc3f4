package io.qbauth.internal.session;

import io.qbauth.domain.AuthMethod;
import io.qbauth.domain.Session;
import io.qbauth.domain.SessionKind;
import io.qbauth.event.AuthActivity;
import io.qbauth.event.AuthScope;
import io.qbauth.event.AuthEvent.Operation;
import io.qbauth.event.AuthEvent.OperationCompleted;
import io.qbauth.event.AuthEvent.Outcome;
import io.qbauth.internal.http.Tracing;
import io.qbauth.spi.TransportSupport;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs every operation of a client and, when a listener is registered, publishes its
 * {@link OperationCompleted} once the operation's stage has completed (complete first, notify after: the caller's
 * continuations are registered on that stage, so a listener never delays them, and a listener that throws is
 * {@linkplain Events#publish logged}, never passed on). Without a listener an operation costs what it did before
 * there were events: no clock read, no session lookup, no allocation.
 *
 * <p>Whatever the operation throws instead of failing its stage, and a {@code null} stage, become the failed stage:
 * a client method never throws.
 *
 * <p>With {@link Tracing} on, each operation is also an {@link AuthActivity.ClientOperation} whose scope the body
 * gets, to parent what it does; stopped, like the event, after the operation's stage has completed.
 */
public final class ClientOperations {

    private final Events events;
    private final Supplier<SessionKind> currentKind;
    private final Tracing tracing;

    /**
     * @param events      where {@link OperationCompleted} goes
     * @param currentKind the kind of the client's session now, {@code null} without one; asked only when listened to
     */
    public ClientOperations(Events events, Supplier<SessionKind> currentKind) {
        this(events, currentKind, Tracing.OFF);
    }

    /** As the other constructor, each operation traced with {@code tracing}. */
    public ClientOperations(Events events, Supplier<SessionKind> currentKind, Tracing tracing) {
        this.events = events;
        this.currentKind = currentKind;
        this.tracing = tracing;
    }

    /**
     * Runs {@code body}, the whole of {@code operation}.
     *
     * @param method how the operation authenticates, {@code null} when it does not
     * @return the operation's stage, failed rather than thrown
     */
    public <T> CompletableFuture<T> run(Operation operation, AuthMethod method,
                                        Supplier<CompletableFuture<T>> body) {
        return run(operation, method, scope -> body.get());
    }

    /**
     * Runs {@code body}, the whole of {@code operation}, giving it the operation's scope ({@link AuthScope#NONE}
     * when not traced) to parent its acquisitions and exchanges.
     *
     * @param method how the operation authenticates, {@code null} when it does not
     * @return the operation's stage, failed rather than thrown
     */
    public <T> CompletableFuture<T> run(Operation operation, AuthMethod method,
                                        Function<AuthScope, CompletableFuture<T>> body) {
        if (tracing.on()) {
            return traced(operation, method, body);
        }
        if (!events.listened()) {
            return started(body, AuthScope.NONE);
        }
        return published(operation, method, body, AuthScope.NONE);
    }

    private <T> CompletableFuture<T> traced(Operation operation, AuthMethod method,
                                            Function<AuthScope, CompletableFuture<T>> body) {
        AuthActivity.ClientOperation activity = new AuthActivity.ClientOperation(operation, method,
                kindAtStart(operation));
        AuthScope scope = tracing.start(activity, AuthScope.NONE);
        CompletableFuture<T> started = events.listened() ? published(operation, method, body, scope)
                : started(body, scope);
        if (scope != AuthScope.NONE) {
            started.whenComplete((value, failure) -> {
                if (operation == Operation.START_WITH_TOKEN) {
                    activity.kind(adoptedKind(value));
                }
                Tracing.stop(scope, failure);
            });
        }
        return started;
    }

    private <T> CompletableFuture<T> published(Operation operation, AuthMethod method,
                                               Function<AuthScope, CompletableFuture<T>> body, AuthScope scope) {
        long start = System.nanoTime();
        SessionKind kindAtStart = kindAtStart(operation);
        CompletableFuture<T> started = started(body, scope);
        if (started.isDone()) { // completed on this thread (a lent caller thread, a failure): no dependent stage
            publishCompleted(operation, kindAtStart, method, start, started);
        } else {
            started.whenComplete((value, failure) -> publish(operation, kindAtStart, method, start, value, failure));
        }
        return started;
    }

    private <T> void publishCompleted(Operation operation, SessionKind kindAtStart, AuthMethod method, long start,
                                      CompletableFuture<T> done) {
        T value = null;
        Throwable failure = null;
        try {
            value = done.getNow(null);
        } catch (Throwable e) { // the failure the stage completed with, as getNow reports it
            failure = e;
        }
        publish(operation, kindAtStart, method, start, value, failure);
    }

    private void publish(Operation operation, SessionKind kindAtStart, AuthMethod method, long start, Object value,
                         Throwable failure) {
        events.publish(new OperationCompleted(operation,
                operation == Operation.START_WITH_TOKEN ? adoptedKind(value) : kindAtStart,
                method, Outcome.of(TransportSupport.unwrap(failure)), Duration.ofNanos(System.nanoTime() - start)));
    }

    /** The stage {@code body} returns; what it throws, or a missing stage, as a failed one. */
    private static <T> CompletableFuture<T> started(Function<AuthScope, CompletableFuture<T>> body,
                                                    AuthScope scope) {
        try {
            CompletableFuture<T> started = body.apply(scope);
            return started != null ? started : CompletableFuture.failedFuture(
                    new IllegalStateException("the operation returned no stage"));
        } catch (Throwable e) { // application code runs inside (clock, listeners, codec): fail the stage, never throw
            return CompletableFuture.failedFuture(e);
        }
    }

    /** The kind the operation establishes, else the kind of the session it starts with; null when known at the end. */
    private SessionKind kindAtStart(Operation operation) {
        return switch (operation) {
            case CREATE_APPLICATION_SESSION -> SessionKind.APPLICATION;
            case CREATE_USER_SESSION, LOGIN -> SessionKind.USER;
            case START_WITH_TOKEN -> null;
            default -> current();
        };
    }

    private SessionKind current() {
        try {
            return currentKind.get();
        } catch (Throwable e) { // never fails today; an event must not fail the call it describes
            return null;
        }
    }

    private static SessionKind adoptedKind(Object value) {
        return value instanceof Session session ? session.kind() : null;
    }
}
