package io.qbauth.adapter.metrics.micrometer;

import io.qbauth.BlockingQbAuthClient;
import io.qbauth.QbAuthClient;
import io.qbauth.domain.ApiRequest;
import io.qbauth.domain.ApiResponse;
import io.qbauth.domain.AuthMethod;
import io.qbauth.domain.Credentials;
import io.qbauth.domain.NewUser;
import io.qbauth.domain.Session;
import io.qbauth.domain.SessionKind;
import io.qbauth.domain.User;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Times every operation of the client it wraps ({@code qbauth.operations}). Tags:
 * <ul>
 *   <li>{@code operation}: {@code create_session}, {@code login}, {@code logout}, {@code start_with_token},
 *       {@code destroy_session}, {@code get_session}, {@code sign_up}, {@code api_call};</li>
 *   <li>{@code session.kind}: the kind the operation establishes for {@code create_session}, {@code login} and
 *       {@code start_with_token} ({@code none} if adopting the token failed); for the others, the kind of the
 *       client's session when the call started, {@code none} without one;</li>
 *   <li>{@code auth.method}: how the operation authenticates, {@code none} when it does not;</li>
 *   <li>{@code outcome} ({@code success}/{@code failure}) and {@code exception} (the {@code AuthException} subtype,
 *       or {@code none}).</li>
 * </ul>
 * The sample is recorded before the returned stage completes, so a caller that sees the result sees the sample.
 */
final class MeteredQbAuthClient implements QbAuthClient {

    private final QbAuthClient delegate;
    private final Meters meters;

    MeteredQbAuthClient(QbAuthClient delegate, Meters meters) {
        this.delegate = delegate;
        this.meters = meters;
    }

    /** Blocking calls through this decorator (so they are timed), with the wrapped client's thread rule. */
    @Override
    public BlockingQbAuthClient blocking() {
        return delegate.blocking().through(this);
    }

    @Override
    public CompletionStage<Session> createApplicationSession() {
        return timed("create_session", TagValues.NONE, fixed("application"), delegate::createApplicationSession);
    }

    @Override
    public CompletionStage<Session> createUserSession(Credentials credentials) {
        return timed("create_session", method(credentials), fixed("user"),
                () -> delegate.createUserSession(credentials));
    }

    @Override
    public CompletionStage<Session> getSession() {
        return timed("get_session", TagValues.NONE, currentKind(), delegate::getSession);
    }

    @Override
    public CompletionStage<User> signUp(NewUser user) {
        return timed("sign_up", TagValues.NONE, currentKind(), () -> delegate.signUp(user));
    }

    @Override
    public CompletionStage<User> signUpWithApiKey(NewUser user) {
        return timed("sign_up", TagValues.API_KEY, currentKind(), () -> delegate.signUpWithApiKey(user));
    }

    @Override
    public CompletionStage<User> login(Credentials credentials) {
        return timed("login", method(credentials), fixed("user"), () -> delegate.login(credentials));
    }

    @Override
    public CompletionStage<Void> logout() {
        return timed("logout", TagValues.NONE, currentKind(), delegate::logout);
    }

    @Override
    public CompletionStage<Void> destroySession() {
        return timed("destroy_session", TagValues.NONE, currentKind(), delegate::destroySession);
    }

    @Override
    public CompletionStage<Session> startSessionWithToken(String token) {
        return timed("start_with_token", TagValues.authMethod(AuthMethod.TOKEN),
                session -> TagValues.sessionKind(session == null ? null : session.kind()),
                () -> delegate.startSessionWithToken(token));
    }

    @Override
    public Optional<Session> currentSession() {
        return delegate.currentSession();
    }

    @Override
    public CompletionStage<ApiResponse> execute(ApiRequest request) {
        return timed("api_call", TagValues.NONE, currentKind(), () -> delegate.execute(request));
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public String toString() {
        return delegate.toString();
    }

    /**
     * Runs {@code call} and records one sample when it completes; {@code kindOf} gets the result ({@code null} on
     * failure). A call that throws instead of failing its stage is recorded and rethrown.
     */
    private <T> CompletionStage<T> timed(String operation, String authMethod, Function<T, String> kindOf,
                                         Supplier<CompletionStage<T>> call) {
        long start = meters.start();
        CompletionStage<T> stage;
        try {
            stage = call.get();
        } catch (RuntimeException e) {
            record(start, operation, authMethod, kindOf, null, e);
            throw e;
        }
        if (stage == null) {
            return null;
        }
        return stage.whenComplete((result, failure) -> record(start, operation, authMethod, kindOf, result, failure));
    }

    private <T> void record(long start, String operation, String authMethod, Function<T, String> kindOf, T result,
                            Throwable failure) {
        try {
            meters.operation(start, operation, kindOf.apply(failure == null ? result : null), authMethod,
                    failure == null ? TagValues.SUCCESS : TagValues.FAILURE, TagValues.exception(failure));
        } catch (RuntimeException e) {
            Meters.dropped("the operation tags", e);
        }
    }

    private static <T> Function<T, String> fixed(String kind) {
        return ignored -> kind;
    }

    /** The kind of the client's session now, when the call starts. */
    private <T> Function<T, String> currentKind() {
        return fixed(TagValues.sessionKind(currentSessionKind()));
    }

    private SessionKind currentSessionKind() {
        try {
            return delegate.currentSession().map(Session::kind).orElse(null);
        } catch (RuntimeException e) {
            Meters.dropped("the session kind", e);
            return null;
        }
    }

    private static String method(Credentials credentials) {
        return credentials == null ? TagValues.NONE : TagValues.authMethod(credentials.method());
    }
}
