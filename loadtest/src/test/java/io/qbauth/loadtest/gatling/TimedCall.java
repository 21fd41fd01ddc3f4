package io.qbauth.loadtest.gatling;

import io.gatling.javaapi.core.ActionBuilder;
import io.gatling.javaapi.core.Session;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Java DSL of the timed-call action: {@code exec(timed(stats, "login", s -> agent(s).login(user(s))))}. The
 * request name is what Gatling's report, assertions and the summary show; keep it a stable constant.
 *
 * @param <T> what the call completes with
 */
public final class TimedCall<T> implements ActionBuilder {

    private final CallStats stats;
    private final String requestName;
    private final Function<Session, CompletionStage<T>> call;
    private final BiFunction<Session, T, Session> onSuccess;

    private TimedCall(CallStats stats, String requestName, Function<Session, CompletionStage<T>> call,
            BiFunction<Session, T, Session> onSuccess) {
        this.stats = Objects.requireNonNull(stats, "stats");
        this.requestName = Objects.requireNonNull(requestName, "requestName");
        this.call = Objects.requireNonNull(call, "call");
        this.onSuccess = Objects.requireNonNull(onSuccess, "onSuccess");
    }

    /**
     * Times {@code call} under {@code requestName}: OK when its stage completes normally, KO (with the failure's
     * status and message) when it completes exceptionally or the function throws. Each call is also recorded in
     * {@code stats} for the end-of-run summary.
     */
    public static <T> TimedCall<T> timed(CallStats stats, String requestName,
            Function<Session, CompletionStage<T>> call) {
        return new TimedCall<>(stats, requestName, call, (session, value) -> session);
    }

    /** The same call, updating the virtual user's session with the call's result when it succeeds. */
    public TimedCall<T> onSuccess(BiFunction<Session, T, Session> update) {
        return new TimedCall<>(stats, requestName, call, update);
    }

    @Override
    public io.gatling.core.action.builder.ActionBuilder asScala() {
        return (context, next) -> new TimedCallAction<>(stats, requestName, call, onSuccess,
                context.coreComponents().statsEngine(), context.coreComponents().clock(), next);
    }
}
