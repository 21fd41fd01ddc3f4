package io.qbauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qbauth.config.ReauthPolicy;
import io.qbauth.domain.ApiRequest;
import io.qbauth.domain.ApiResponse;
import io.qbauth.domain.ConfigurationException;
import io.qbauth.domain.Credentials;
import io.qbauth.domain.InvalidCredentialsException;
import io.qbauth.domain.InvalidInputException;
import io.qbauth.domain.NewUser;
import io.qbauth.domain.ServerException;
import io.qbauth.domain.Session;
import io.qbauth.domain.SessionExpiredException;
import io.qbauth.domain.SessionKind;
import io.qbauth.domain.TransportException;
import io.qbauth.domain.User;
import io.qbauth.domain.ValidationException;
import io.qbauth.event.AuthEvent;
import io.qbauth.event.AuthEvent.ReplayResult;
import io.qbauth.config.CredentialsSupplier;
import io.qbauth.config.SessionStore;
import io.qbauth.spi.TransportRequest;
import io.qbauth.domain.ApiResponse;
import io.qbauth.testing.FakeQuickBlox;
import io.qbauth.testing.ManualClock;
import io.qbauth.testing.TestCodec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class QbAuthClientTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2030-01-01T00:00:00Z"));
    private final FakeQuickBlox server = new FakeQuickBlox(clock).withUser("alice", "alicePass123")
            .withUser("bob", "bobPass12345");
    private final Queue<AuthEvent> events = new ConcurrentLinkedQueue<>();
    private final List<QbAuthClient> clients = new ArrayList<>();

    private QbAuth.Builder builder() {
        return QbAuth.builder().endpoint(URI.create("https://qb.test")).applicationId(FakeQuickBlox.APP_ID)
                .authKey("key").authSecret("secret").clock(clock).transport(server).codec(new TestCodec())
                .listener(events::add);
    }

    private BlockingQbAuthClient client() {
        return track(builder().build()).blocking();
    }

    private QbAuthClient track(QbAuthClient client) {
        clients.add(client);
        return client;
    }

    @AfterEach
    void closeClients() {
        clients.forEach(QbAuthClient::close);
    }

    @Test
    void an_application_session_is_created_signed_and_tracked() {
        BlockingQbAuthClient client = client();

        Session session = client.createApplicationSession();

        assertThat(session.kind()).isEqualTo(SessionKind.APPLICATION);
        assertThat(session.userId()).isZero();
        assertThat(session.origin()).isEqualTo(Session.Origin.CREATED);
        assertThat(session.expiresAt()).isEqualTo(clock.instant().plus(FakeQuickBlox.TTL));
        assertThat(client.currentSession()).contains(session);
        TransportRequest create = server.requests("POST", "/session.json").get(0);
        assertThat(create.header("QB-Token")).isEmpty();
        assertThat(new String(create.body(), StandardCharsets.UTF_8))
                .matches("application_id=12345&auth_key=key&nonce=\\d+&signature=[0-9a-f]{40}&timestamp=\\d+");
    }

    @Test
    void the_first_call_creates_a_session_and_sends_its_token() {
        BlockingQbAuthClient client = client();

        ApiResponse response = client.execute(ApiRequest.get("/users/me.json"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(server.creations()).isEqualTo(1);
        String token = client.currentSession().orElseThrow().token().value();
        assertThat(server.requests("GET", "/users/me.json").get(0).header("QB-Token")).contains(token);
        assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(AuthEvent.SessionCreated.class,
                c -> assertThat(c.reason()).isEqualTo(AuthEvent.CreationReason.INITIAL)));
    }

    @Test
    void a_user_session_is_created_directly_and_bad_credentials_fail_typed() {
        BlockingQbAuthClient client = client();

        Session session = client.createUserSession(Credentials.login("alice", "alicePass123"));

        assertThat(session.kind()).isEqualTo(SessionKind.USER);
        assertThat(session.userId()).isEqualTo(server.userId("alice"));
        assertThatThrownBy(() -> client.createUserSession(Credentials.login("alice", "wrong")))
                .isInstanceOf(InvalidCredentialsException.class).hasMessageNotContaining("wrong");
        assertThat(client.currentSession()).contains(session);
    }

    @Test
    void login_upgrades_the_application_session_and_a_lost_user_session_comes_back_as_a_user_session() {
        BlockingQbAuthClient client = client();
        client.createApplicationSession();

        User alice = client.login(Credentials.login("alice", "alicePass123"));

        assertThat(alice.id()).isEqualTo(server.userId("alice"));
        assertThat(client.currentSession()).hasValueSatisfying(s -> {
            assertThat(s.kind()).isEqualTo(SessionKind.USER);
            assertThat(s.userId()).isEqualTo(alice.id());
        });
        assertThat(server.creations()).isEqualTo(1);

        server.forgetAllSessions();
        ApiResponse response = client.execute(ApiRequest.get("/users/me.json"));

        assertThat(response.bodyAsString()).contains("\"user_id\":" + alice.id());
        TransportRequest recreate = server.requests("POST", "/session.json").get(1);
        assertThat(new String(recreate.body(), StandardCharsets.UTF_8)).contains("user[login]=alice");
        assertThat(events).contains(new AuthEvent.LoggedIn(io.qbauth.domain.AuthMethod.LOGIN),
                new AuthEvent.SessionExpired(SessionKind.USER), new AuthEvent.SessionRecreated(SessionKind.USER),
                new AuthEvent.RequestReplayed("GET", ReplayResult.REPLAYED));
    }

    @Test
    void a_failed_login_keeps_the_application_session() {
        BlockingQbAuthClient client = client();
        Session app = client.createApplicationSession();

        assertThatThrownBy(() -> client.login(Credentials.login("alice", "nope")))
                .isInstanceOf(InvalidCredentialsException.class);

        assertThat(client.currentSession()).contains(app);
    }

    @Test
    void login_on_a_session_the_server_dropped_retries_once_on_a_new_application_session() {
        BlockingQbAuthClient client = client();
        client.createApplicationSession();
        server.forgetAllSessions();

        User alice = client.login(Credentials.login("alice", "alicePass123"));

        assertThat(alice.id()).isEqualTo(server.userId("alice"));
        assertThat(server.requests("POST", "/login.json")).hasSize(2);
        assertThat(client.currentSession().orElseThrow().kind()).isEqualTo(SessionKind.USER);
    }

    @Test
    void logout_downgrades_to_an_application_session_and_later_recreations_stay_application_sessions() {
        BlockingQbAuthClient client = client();
        client.login(Credentials.login("alice", "alicePass123"));

        client.logout();

        assertThat(server.requests("DELETE", "/login.json")).hasSize(1);
        assertThat(client.currentSession().orElseThrow().kind()).isEqualTo(SessionKind.APPLICATION);
        server.forgetAllSessions();
        client.execute(ApiRequest.get("/users/me.json"));
        TransportRequest recreate = server.requests("POST", "/session.json").getLast();
        assertThat(new String(recreate.body(), StandardCharsets.UTF_8)).doesNotContain("user[");
        assertThat(events).contains(new AuthEvent.LoggedOut());
    }

    @Test
    void logout_during_a_user_session_recreation_does_not_resurrect_the_user() {
        BlockingQbAuthClient client = client();
        client.login(Credentials.login("alice", "alicePass123"));
        server.forgetAllSessions();
        CompletableFuture<Void> gate = server.holdCreations();
        CompletableFuture<ApiResponse> call = clients.get(0).execute(ApiRequest.get("/users/me.json"))
                .toCompletableFuture();

        client.logout();
        gate.complete(null);

        assertThat(call).failsWithin(Duration.ofSeconds(2)).withThrowableOfType(Exception.class)
                .withCauseInstanceOf(SessionExpiredException.class);
        assertThat(client.currentSession()).isEmpty();
        ApiResponse after = client.execute(ApiRequest.get("/users/me.json"));
        assertThat(after.bodyAsString()).contains("\"user_id\":0");
    }

    @Test
    void destroy_ends_the_session_and_the_next_call_creates_an_application_session() {
        BlockingQbAuthClient client = client();
        client.login(Credentials.login("alice", "alicePass123"));

        client.destroySession();

        assertThat(server.requests("DELETE", "/session.json")).hasSize(1);
        assertThat(client.currentSession()).isEmpty();
        assertThat(client.execute(ApiRequest.get("/users/me.json")).bodyAsString()).contains("\"user_id\":0");
        assertThat(events).contains(new AuthEvent.SessionDestroyed(SessionKind.USER));
    }

    @Test
    void a_failed_logout_or_destroy_still_forgets_the_session_locally_and_reports_the_failure() {
        BlockingQbAuthClient client = client();
        client.login(Credentials.login("alice", "alicePass123"));
        server.intercept(request -> request.method().equals("DELETE")
                ? CompletableFuture.completedFuture(FakeQuickBlox.reply(503, "", Map.of())) : null);

        assertThatThrownBy(client::logout).isInstanceOf(ServerException.class);
        assertThat(client.currentSession()).isEmpty();

        client.createApplicationSession();
        assertThatThrownBy(client::destroySession).isInstanceOf(ServerException.class);
        assertThat(client.currentSession()).isEmpty();
        server.intercept(request -> null);
        assertThat(client.execute(ApiRequest.get("/a.json")).bodyAsString()).contains("\"user_id\":0");
    }

    @Test
    void ending_a_session_the_server_already_forgot_succeeds() {
        BlockingQbAuthClient client = client();
        client.login(Credentials.login("alice", "alicePass123"));
        server.forgetAllSessions();

        client.logout();
        client.createApplicationSession();
        server.forgetAllSessions();
        client.destroySession();

        assertThat(client.currentSession()).isEmpty();
    }

    @Test
    void an_adopted_token_learns_its_kind_and_without_a_supplier_is_not_recreated() {
        BlockingQbAuthClient creator = client();
        creator.login(Credentials.login("bob", "bobPass12345"));
        String token = creator.currentSession().orElseThrow().token().value();
        BlockingQbAuthClient client = client();

        Session adopted = client.startSessionWithToken(token);

        assertThat(adopted.kind()).isEqualTo(SessionKind.USER);
        assertThat(adopted.userId()).isEqualTo(server.userId("bob"));
        assertThat(adopted.origin()).isEqualTo(Session.Origin.ADOPTED);
        int creations = server.creations();
        server.forgetAllSessions();
        assertThatThrownBy(() -> client.execute(ApiRequest.get("/users/me.json")))
                .isInstanceOf(SessionExpiredException.class);
        assertThat(server.creations()).isEqualTo(creations);
    }

    @Test
    void an_adopted_user_token_is_recreated_as_a_user_session_with_the_configured_supplier() {
        String token = client().createUserSession(Credentials.login("bob", "bobPass12345")).token().value();
        AtomicInteger asked = new AtomicInteger();
        CredentialsSupplier supplier = () -> {
            asked.incrementAndGet();
            return CompletableFuture.completedFuture(Credentials.login("bob", "bobPass12345"));
        };
        BlockingQbAuthClient client = track(builder().credentialsSupplier(supplier).build()).blocking();
        client.startSessionWithToken(token);
        server.forgetAllSessions();

        ApiResponse response = client.execute(ApiRequest.get("/users/me.json"));

        assertThat(response.bodyAsString()).contains("\"user_id\":" + server.userId("bob"));
        assertThat(asked).hasValue(1);
    }

    @Test
    void calls_rejected_with_the_same_old_token_share_one_recreation_and_each_replays_once() {
        BlockingQbAuthClient client = client();
        client.createApplicationSession();
        List<CompletableFuture<ApiResponse>> held = new CopyOnWriteArrayList<>();
        server.intercept(request -> {
            CompletableFuture<ApiResponse> reply = new CompletableFuture<>();
            held.add(reply);
            return reply;
        });
        int calls = 20;
        List<CompletableFuture<ApiResponse>> results = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            results.add(clients.get(0).execute(ApiRequest.get("/items/" + i + ".json")).toCompletableFuture());
        }

        server.intercept(request -> null);
        server.forgetAllSessions();
        held.forEach(reply -> reply.complete(FakeQuickBlox.reply(401,
                "{\"errors\":{\"base\":[\"Required session does not exist\"]}}", Map.of())));

        CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).orTimeout(5, TimeUnit.SECONDS).join();
        assertThat(server.creations()).isEqualTo(2);
        assertThat(events.stream().filter(e -> e.equals(new AuthEvent.RequestReplayed("GET", ReplayResult.REPLAYED))))
                .hasSize(calls);
        assertThat(events.stream().filter(e -> e.equals(new AuthEvent.SessionInvalidated(
                AuthEvent.InvalidationOutcome.INVALIDATED)))).hasSize(1);
        assertThat(events.stream().filter(e -> e.equals(new AuthEvent.SessionInvalidated(
                AuthEvent.InvalidationOutcome.ALREADY_REPLACED)))).hasSize(calls - 1);
    }

    @Test
    void a_post_is_replayed_once_with_the_same_bytes_and_the_new_token() {
        BlockingQbAuthClient client = client();
        String oldToken = client.createApplicationSession().token().value();
        server.forgetAllSessions();

        client.execute(ApiRequest.post("/notes.json").jsonBody("{\"n\":1}".getBytes(StandardCharsets.UTF_8)));

        List<TransportRequest> sent = server.requests("POST", "/notes.json");
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).header("QB-Token")).contains(oldToken);
        assertThat(sent.get(1).header("QB-Token")).contains(client.currentSession().orElseThrow().token().value())
                .isNotEqualTo(oldToken);
        assertThat(sent.get(1).body()).isEqualTo(sent.get(0).body());
        assertThat(events).contains(new AuthEvent.RequestReplayed("POST", ReplayResult.REPLAYED));
    }

    @Test
    void a_post_is_not_replayed_when_the_policy_forbids_it_nor_a_request_that_opted_out() {
        BlockingQbAuthClient client = track(builder()
                .reauthPolicy(ReauthPolicy.custom().replayNonIdempotentAfterSessionExpiry(false).build())
                .build()).blocking();
        client.createApplicationSession();
        server.forgetAllSessions();

        assertThatThrownBy(() -> client.execute(ApiRequest.post("/notes.json")))
                .isInstanceOf(SessionExpiredException.class);
        client.createApplicationSession();
        server.forgetAllSessions();
        assertThatThrownBy(() -> client.execute(ApiRequest.get("/items.json").replayable(false)))
                .isInstanceOf(SessionExpiredException.class);

        assertThat(server.requests("POST", "/notes.json")).hasSize(1);
        assertThat(server.requests("GET", "/items.json")).hasSize(1);
        assertThat(events).contains(new AuthEvent.RequestReplayed("POST", ReplayResult.SKIPPED_NOT_REPLAYABLE),
                new AuthEvent.RequestReplayed("GET", ReplayResult.SKIPPED_NOT_REPLAYABLE));
        // the dead token was dropped: the next call gets a new session
        assertThat(client.execute(ApiRequest.get("/items.json")).status()).isEqualTo(200);
    }

    @Test
    void nothing_is_replayed_after_a_5xx_or_a_timeout() {
        BlockingQbAuthClient client = client();
        client.createApplicationSession();
        server.intercept(request -> switch (request.uri().getPath()) {
            case "/fail.json" -> CompletableFuture.completedFuture(FakeQuickBlox.reply(503, "", Map.of()));
            case "/slow.json" -> CompletableFuture.failedFuture(
                    new TransportException(TransportException.Kind.TIMEOUT, "timed out", null));
            default -> null;
        });

        assertThatThrownBy(() -> client.execute(ApiRequest.post("/fail.json"))).isInstanceOf(ServerException.class);
        assertThatThrownBy(() -> client.execute(ApiRequest.post("/slow.json")))
                .isInstanceOfSatisfying(TransportException.class,
                        e -> assertThat(e.kind()).isEqualTo(TransportException.Kind.TIMEOUT));

        assertThat(server.requests("POST", "/fail.json")).hasSize(1);
        assertThat(server.requests("POST", "/slow.json")).hasSize(1);
        assertThat(server.creations()).isEqualTo(1);
    }

    @Test
    void a_replay_rejected_again_fails_instead_of_looping() {
        BlockingQbAuthClient client = client();
        client.createApplicationSession();
        server.intercept(request -> request.uri().getPath().equals("/cursed.json")
                ? CompletableFuture.completedFuture(FakeQuickBlox.reply(401,
                        "{\"errors\":{\"base\":[\"Required session does not exist\"]}}", Map.of()))
                : null);

        assertThatThrownBy(() -> client.execute(ApiRequest.get("/cursed.json")))
                .isInstanceOf(SessionExpiredException.class);

        assertThat(server.requests("GET", "/cursed.json")).hasSize(2);
        assertThat(server.creations()).isEqualTo(2);
    }

    @Test
    void sign_up_uses_the_session_and_reports_field_errors() {
        BlockingQbAuthClient client = client();

        User carol = client.signUp(NewUser.builder().login("carol").password("carolPass1").build());

        assertThat(carol.login()).contains("carol");
        assertThat(server.requests("POST", "/users.json").get(0).header("QB-Token")).isPresent();
        assertThatThrownBy(() -> client.signUp(NewUser.builder().login("carol").password("carolPass1").build()))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.fieldErrors()).containsKey("login"))
                .hasMessageNotContaining("carolPass1");
    }

    @Test
    void sign_up_with_an_api_key_sends_no_token_and_needs_the_key() {
        NewUser dave = NewUser.builder().login("dave").password("davePass12").build();
        assertThatThrownBy(() -> client().signUpWithApiKey(dave))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("apiKey");

        User created = track(builder().apiKey("the-api-key").build()).blocking().signUpWithApiKey(dave);

        assertThat(created.login()).contains("dave");
        TransportRequest sent = server.requests("POST", "/users.json").getLast();
        assertThat(sent.header("Authorization")).contains("ApiKey the-api-key");
        assertThat(sent.header("QB-Token")).isEmpty();
        assertThat(sent.header("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(server.creations()).isZero();
    }

    @Test
    void get_session_reports_the_servers_view() {
        BlockingQbAuthClient client = client();
        client.login(Credentials.login("alice", "alicePass123"));

        Session seen = client.getSession();

        assertThat(seen.kind()).isEqualTo(SessionKind.USER);
        assertThat(seen.userId()).isEqualTo(server.userId("alice"));
        assertThat(seen.token()).isEqualTo(client.currentSession().orElseThrow().token());
    }

    @Test
    void invalid_arguments_fail_the_stage_with_a_typed_error_and_never_throw() {
        QbAuthClient client = track(builder().build());

        assertThat(client.startSessionWithToken(" ")).failsWithin(Duration.ZERO).withThrowableOfType(Exception.class)
                .withCauseInstanceOf(InvalidInputException.class);
        assertThat(client.login(null)).failsWithin(Duration.ZERO).withThrowableOfType(Exception.class)
                .withCauseInstanceOf(InvalidInputException.class);
        assertThat(client.createUserSession(null)).failsWithin(Duration.ZERO).withThrowableOfType(Exception.class)
                .withCauseInstanceOf(InvalidInputException.class);
        assertThat(client.execute(null)).failsWithin(Duration.ZERO).withThrowableOfType(Exception.class)
                .withCauseInstanceOf(InvalidInputException.class);
        assertThat(client.signUp(null)).failsWithin(Duration.ZERO).withThrowableOfType(Exception.class)
                .withCauseInstanceOf(InvalidInputException.class);
    }

    @Test
    void close_leaves_an_explicit_transport_open_and_fails_later_calls() {
        QbAuthClient client = builder().build();
        client.blocking().createApplicationSession();

        client.close();
        client.close();

        assertThat(server.closes()).isZero();
        assertThatThrownBy(() -> client.blocking().execute(ApiRequest.get("/a.json")))
                .isInstanceOf(io.qbauth.domain.ClientClosedException.class).hasMessageContaining("closed");
    }

    @Test
    void a_throwing_listener_never_breaks_a_call() {
        BlockingQbAuthClient client = track(builder().listener(event -> {
            throw new IllegalStateException("listener bug");
        }).build()).blocking();

        assertThat(client.createApplicationSession().kind()).isEqualTo(SessionKind.APPLICATION);
    }

    @Test
    void a_stored_session_is_adopted_when_the_client_is_built() {
        SessionStore store = SessionStore.inMemory();
        BlockingQbAuthClient first = track(builder().sessionStore(store).build()).blocking();
        Session created = first.createApplicationSession();

        BlockingQbAuthClient second = track(builder().sessionStore(store).build()).blocking();

        assertThat(second.currentSession()).hasValueSatisfying(s -> {
            assertThat(s.token()).isEqualTo(created.token());
            assertThat(s.origin()).isEqualTo(Session.Origin.ADOPTED);
        });
        second.execute(ApiRequest.get("/a.json"));
        assertThat(server.creations()).isEqualTo(1);
    }

    @Test
    void a_restored_application_session_is_recreated_with_the_application_credentials_but_an_expired_one_is_dropped() {
        SessionStore store = SessionStore.inMemory();
        track(builder().sessionStore(store).build()).blocking().createApplicationSession();
        BlockingQbAuthClient restored = track(builder().sessionStore(store).build()).blocking();
        server.forgetAllSessions();

        assertThat(restored.execute(ApiRequest.get("/a.json")).status()).isEqualTo(200);
        assertThat(server.creations()).isEqualTo(2);

        clock.advance(FakeQuickBlox.TTL.plusMinutes(1));
        assertThat(track(builder().sessionStore(store).build()).blocking().currentSession()).isEmpty();
    }

    @Test
    void the_expiry_slides_with_every_reply() {
        BlockingQbAuthClient client = client();
        Session created = client.createApplicationSession();

        clock.advance(Duration.ofMinutes(30));
        client.execute(ApiRequest.get("/a.json"));

        assertThat(client.currentSession().orElseThrow().expiresAt())
                .isEqualTo(created.expiresAt().plus(Duration.ofMinutes(30)));
    }

    @Test
    void an_idle_session_is_recreated_when_it_expires_locally() {
        BlockingQbAuthClient client = client();
        Session created = client.createApplicationSession();

        clock.advance(FakeQuickBlox.TTL);
        client.execute(ApiRequest.get("/a.json"));

        assertThat(server.creations()).isEqualTo(2);
        assertThat(client.currentSession().orElseThrow().token()).isNotEqualTo(created.token());
        assertThat(server.requests("GET", "/a.json")).hasSize(1);
        assertThat(events).contains(new AuthEvent.SessionExpired(SessionKind.APPLICATION));
    }
}
