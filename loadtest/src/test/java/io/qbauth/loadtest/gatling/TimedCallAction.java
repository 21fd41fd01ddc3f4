package io.qbauth.loadtest.gatling;

import com.typesafe.scalalogging.Logger;
import io.gatling.commons.stats.KO$;
import io.gatling.commons.stats.OK$;
import io.gatling.commons.util.Clock;
import io.gatling.core.action.Action;
import io.gatling.core.action.ChainableAction;
import io.gatling.core.action.ExitableAction;
import io.gatling.core.session.Session;
import io.gatling.core.stats.StatsEngine;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import java.util.function.Function;
import scala.Option;

/**
 * A Gatling action, written in Java, that times one asynchronous call and reports it to the stats engine.
 *
 * <p>It implements Gatling's Scala {@link ExitableAction} (so a virtual user that must stop, e.g. at the end of
 * the run, exits before the call), which Scala 2.13 compiles to Java interfaces with default methods. The few members
 * Scala would generate in a class mixing the traits in are written out here: the accessors of the stacked {@code !}
 * ({@code super.!} of each trait) and the {@code StrictLogging} logger.
 *
 * <p>{@link #execute} starts the call and returns at once; Gatling's thread is never blocked. When the call's stage
 * completes, on whatever thread completes it, the result is handed back to the virtual user's own event loop, which
 * logs the response ({@link StatsEngine#logResponse}) and moves the user on ({@code next ! session}), as Gatling's
 * own asynchronous actions do.
 *
 * @param <T> what the call completes with
 */
final class TimedCallAction<T> implements ExitableAction {

    private final CallStats stats;
    private final String requestName;
    private final Function<io.gatling.javaapi.core.Session, CompletionStage<T>> call;
    private final BiFunction<io.gatling.javaapi.core.Session, T, io.gatling.javaapi.core.Session> onSuccess;
    private final StatsEngine statsEngine;
    private final Clock clock;
    private final Action next;
    private final Logger logger = Logger.apply(TimedCallAction.class);

    TimedCallAction(CallStats stats, String requestName,
            Function<io.gatling.javaapi.core.Session, CompletionStage<T>> call,
            BiFunction<io.gatling.javaapi.core.Session, T, io.gatling.javaapi.core.Session> onSuccess,
            StatsEngine statsEngine, Clock clock, Action next) {
        this.stats = stats;
        this.requestName = requestName;
        this.call = call;
        this.onSuccess = onSuccess;
        this.statsEngine = statsEngine;
        this.clock = clock;
        this.next = next;
    }

    @Override
    public void execute(Session session) {
        long start = clock.nowMillis();
        CompletionStage<T> stage;
        try {
            stage = call.apply(new io.gatling.javaapi.core.Session(session));
        } catch (RuntimeException e) {
            stage = CompletableFuture.failedFuture(e);
        }
        stage.whenComplete((value, failure) -> {
            long end = clock.nowMillis();
            session.eventLoop().execute(() -> complete(session, start, end, value, failure));
        });
    }

    private void complete(Session session, long start, long end, T value, Throwable failure) {
        stats.record(new io.gatling.javaapi.core.Session(session).groups(), requestName, start, end, failure == null);
        Session after;
        if (failure == null) {
            statsEngine.logResponse(session.scenario(), session.groups(), requestName, start, end, OK$.MODULE$,
                    Option.empty(), Option.empty());
            after = updated(session, value);
        } else {
            CallFailure described = CallFailure.of(failure);
            statsEngine.logResponse(session.scenario(), session.groups(), requestName, start, end, KO$.MODULE$,
                    Option.apply(described.code()), Option.apply(described.message()));
            after = session.markAsFailed();
        }
        next.$bang(after);
    }

    private Session updated(Session session, T value) {
        try {
            return onSuccess.apply(new io.gatling.javaapi.core.Session(session), value).asScala();
        } catch (RuntimeException e) {
            logger.underlying().error("updating the session after {} failed", requestName, e);
            return session.markAsFailed();
        }
    }

    @Override
    public String name() {
        return requestName;
    }

    @Override
    public Action next() {
        return next;
    }

    @Override
    public StatsEngine statsEngine() {
        return statsEngine;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public Logger logger() {
        return logger;
    }

    /** Scala's {@code StrictLogging} initialiser would set the logger here; it is set at construction instead. */
    @Override
    public void com$typesafe$scalalogging$StrictLogging$_setter_$logger_$eq(Logger ignored) {
        // the field is final and already set
    }

    /**
     * {@code super.!} as seen from {@link ChainableAction}: the base {@link Action}'s {@code !}. Scala marks the
     * accessor synthetic, so javac neither asks for it nor lets it carry {@code @Override}; the JVM still calls it.
     */
    public void io$gatling$core$action$ChainableAction$$super$$bang(Session session) {
        TraitBodies.actionBang(this, session);
    }

    /** {@code super.!} as seen from {@link ExitableAction}: {@link ChainableAction}'s {@code !} (see above). */
    public void io$gatling$core$action$ExitableAction$$super$$bang(Session session) {
        TraitBodies.chainableActionBang(this, session);
    }

    @Override
    public String toString() {
        return "TimedCallAction[" + requestName + "]";
    }
}
