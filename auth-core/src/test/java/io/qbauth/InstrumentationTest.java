package io.qbauth;

import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.domain.ApiRequest;
import io.qbauth.domain.Credentials;
import io.qbauth.domain.InvalidCredentialsException;
import io.qbauth.event.AuthActivity;
import io.qbauth.event.AuthActivity.Acquisition;
import io.qbauth.event.AuthEvent.Operation;
import io.qbauth.event.AuthEvent.ReplayResult;
import io.qbauth.event.AuthInstrumentation;
import io.qbauth.event.AuthScope;
import io.qbauth.internal.http.Tracing;
import io.qbauth.spi.TransportRequest;
import io.qbauth.testing.FakeQuickBlox;
import io.qbauth.testing.ManualClock;
import io.qbauth.testing.TestCodec;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The core's tracing hook without any adapter: which activities start, under which parent, with what they carry
 * when stopped; headers an instrumentation adds reach the transport but never replace the SDK's own.
 */
class InstrumentationTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2030-01-01T00:00:00Z"));
    private final FakeQuickBlox server = new FakeQuickBlox(clock).withUser("alice", "alicePass123");
    private final Recording recording = new Recording();

    /** Each started activity, its parent's record, and how its scope stopped. */
    private static final class Started implements AuthScope {
        final AuthActivity activity;
        final Started parent;
        volatile boolean stopped;
        volatile Throwable failure;

        Started(AuthActivity activity, Started parent) {
            this.activity = activity;
            this.parent = parent;
        }

        @Override
        public void stop(Throwable failure) {
            this.failure = failure;
            stopped = true;
        }
    }

    private static final class Recording implements AuthInstrumentation {
        final List<Started> started = new CopyOnWriteArrayList<>();

        @Override
        public AuthScope start(AuthActivity activity, AuthScope parent) {
            if (activity instanceof AuthActivity.HttpExchange exchange) {
                exchange.header("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
                exchange.header("QB-Token", "forged");
            }
            Started scope = new Started(activity, parent instanceof Started p ? p : null);
            started.add(scope);
            return scope;
        }

        List<Started> of(Class<? extends AuthActivity> type) {
            return started.stream().filter(s -> type.isInstance(s.activity)).toList();
        }
    }

    private QbAuthClient client(AuthInstrumentation instrumentation) {
        return QbAuth.builder().endpoint(URI.create("https://qb.test")).applicationId(FakeQuickBlox.APP_ID)
                .authKey("key").authSecret("secret").clock(clock).transport(server).codec(new TestCodec())
                .instrumentation(instrumentation).build();
    }

    @Test
    void without_an_instrumentation_tracing_is_off() {
        assertThat(Tracing.of(AuthInstrumentation.none())).isSameAs(Tracing.OFF);
        assertThat(Tracing.of(null)).isSameAs(Tracing.OFF);
        assertThat(AuthInstrumentation.none().start(new AuthActivity.RequestReplay("GET"), AuthScope.NONE))
                .isSameAs(AuthScope.NONE);
    }

    @Test
    void an_api_call_nests_its_acquisition_creation_and_exchanges_under_the_operation() {
        try (QbAuthClient client = client(recording)) {
            client.blocking().execute(ApiRequest.get("/users/{id}.json", 7));
        }

        Started operation = single(recording.of(AuthActivity.ClientOperation.class));
        assertThat(((AuthActivity.ClientOperation) operation.activity).operation()).isEqualTo(Operation.EXECUTE);
        assertThat(operation.parent).isNull();
        Started acquisition = single(recording.of(AuthActivity.SessionAcquisition.class));
        assertThat(acquisition.parent).isSameAs(operation);
        AuthActivity.SessionAcquisition acquired = (AuthActivity.SessionAcquisition) acquisition.activity;
        assertThat(acquired.acquisition()).isEqualTo(Acquisition.CREATED);
        Started creation = single(recording.of(AuthActivity.SessionCreation.class));
        assertThat(creation.parent).isSameAs(acquisition);
        assertThat(((AuthActivity.SessionCreation) creation.activity).id()).isEqualTo(acquired.creationId());
        List<Started> exchanges = recording.of(AuthActivity.HttpExchange.class);
        assertThat(exchanges).extracting(s -> s.parent).containsExactly(creation, operation);
        assertThat(exchanges).extracting(s -> ((AuthActivity.HttpExchange) s.activity).uriTemplate())
                .containsExactly("/session.json", "/users/{id}.json");
        assertThat(recording.started).allSatisfy(s -> assertThat(s.stopped).isTrue());
    }

    @Test
    void a_header_added_at_start_is_sent_but_never_replaces_the_sdks_own() {
        try (QbAuthClient client = client(recording)) {
            client.blocking().getSession();
        }

        List<TransportRequest> sent = server.requests();
        assertThat(sent).isNotEmpty().allSatisfy(request ->
                assertThat(request.headers()).containsKey("traceparent"));
        assertThat(server.requests("GET", "/session.json")).allSatisfy(request ->
                assertThat(request.headers().get("QB-Token")).doesNotContain("forged"));
    }

    @Test
    void a_replay_holds_the_new_acquisition_and_the_resent_exchange() {
        try (QbAuthClient client = client(recording)) {
            client.blocking().createApplicationSession();
            server.forgetAllSessions();
            recording.started.clear();

            client.blocking().execute(ApiRequest.get("/users/{id}.json", 7));
        }

        Started replay = single(recording.of(AuthActivity.RequestReplay.class));
        assertThat(((AuthActivity.RequestReplay) replay.activity).result()).isEqualTo(ReplayResult.REPLAYED);
        assertThat(replay.parent.activity).isInstanceOf(AuthActivity.ClientOperation.class);
        assertThat(recording.started).filteredOn(s -> s.parent == replay).extracting(s -> (Object) s.activity.getClass())
                .containsExactly(AuthActivity.SessionAcquisition.class, AuthActivity.HttpExchange.class);
        assertThat(recording.of(AuthActivity.HttpExchange.class)).filteredOn(s -> s.parent == replay)
                .allSatisfy(s -> assertThat(((AuthActivity.HttpExchange) s.activity).replay()).isTrue());
    }

    @Test
    void a_failed_operation_stops_with_its_failure() {
        try (QbAuthClient client = client(recording)) {
            try {
                client.blocking().login(Credentials.login("alice", "wrong-password"));
            } catch (InvalidCredentialsException expected) {
                // the failure under test
            }
        }

        Started login = single(recording.of(AuthActivity.ClientOperation.class));
        assertThat(login.failure).isInstanceOf(InvalidCredentialsException.class)
                .isNotInstanceOf(CompletionException.class);
    }

    private static Started single(List<Started> started) {
        assertThat(started).hasSize(1);
        return started.get(0);
    }
}
