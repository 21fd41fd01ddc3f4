package io.qbauth.e2e.secrets;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.qbauth.QbAuth;
import io.qbauth.QbAuthClient;
import io.qbauth.adapter.codec.jackson.JacksonJsonCodec;
import io.qbauth.adapter.codec.jackson.JacksonJsonCodecProvider;
import io.qbauth.adapter.metrics.micrometer.QbAuthMetrics;
import io.qbauth.adapter.transport.jdk.JdkAuthTransportProvider;
import io.qbauth.adapter.transport.vertx.VertxAuthTransportProvider;
import io.qbauth.config.QbAuthConfig;
import io.qbauth.config.ReauthPolicy;
import io.qbauth.config.RefreshPolicy;
import io.qbauth.domain.ApiRequest;
import io.qbauth.domain.ApiResponse;
import io.qbauth.domain.AuthException;
import io.qbauth.domain.Credentials;
import io.qbauth.domain.ErrorDetails;
import io.qbauth.domain.NewUser;
import io.qbauth.domain.Session;
import io.qbauth.domain.User;
import io.qbauth.e2e.support.ProviderTokens;
import io.qbauth.e2e.support.TransportTest;
import io.qbauth.e2e.support.TransportUnderTest;
import io.qbauth.e2e.support.Within;
import io.qbauth.emulator.EmulatorApp;
import io.qbauth.emulator.Fault;
import io.qbauth.emulator.QbEmulator;
import io.qbauth.spi.AuthTransport;
import io.qbauth.config.CredentialsSupplier;
import io.qbauth.config.SessionStore;
import io.qbauth.config.TransportConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Timeout;

/**
 * Every secret set to a distinctive value — auth key and secret, API key, account key, passwords (right, wrong, new,
 * invalid), Facebook token and secret, Firebase ID token, custom identity provider token, and every session token
 * the SDK used — through a journey with failures (bad password, validation errors, a rejected signature and API
 * key, an expired and a lost session, resets, timeouts, 429, 502, invalid JSON, invalid input). Then none of them
 * may appear in: the {@code toString()} of every public type the journey touched, any exception thrown (whole
 * chain, causes and suppressed), any log record of the JVM at ALL levels, or the Prometheus scrape of
 * {@code auth-metrics}.
 */
@Timeout(120)
class SecretsE2eTest {

    private static final long APP_ID = 31337L;
    private static final long IDP_APP_ID = 31338L;
    private static final String AUTH_KEY = "AUTHKEY-q7Wm2x";
    private static final String AUTH_SECRET = "AUTHSECRET-k3Zp9v";
    private static final String IDP_AUTH_KEY = "IDPKEY-w2Bd5n";
    private static final String IDP_AUTH_SECRET = "IDPSECRET-m2Qs6f";
    private static final String API_KEY = "APIKEY-r8Tn4c";
    private static final String ACCOUNT_KEY = "ACCOUNTKEY-h5Yb1d";
    private static final String LOGIN = "secret_alice";
    private static final String PASSWORD = "ALICEPW-v9Lr3g!";
    private static final String WRONG_PASSWORD = "WRONGPW-j4Kx8n!";
    private static final String NEW_PASSWORD = "SIGNUPPW-t6Hc2w!";
    private static final String SHORT_PASSWORD = "SHRT9z!";
    private static final String WRONG_SECRET = "WRONGSECRET-p1Vd7s";
    private static final String WRONG_API_KEY = "WRONGAPIKEY-b5Nf3j";
    private static final String FACEBOOK_TOKEN = "fb-test:7712398456";
    private static final String FACEBOOK_SECRET = "FBSECRET-c8Gz4k";
    private static final String IDP_USER = "idpuser_x4r7";
    private static final String IDP_TOKEN = "idp-test:" + IDP_USER;
    private static final String FIREBASE_TOKEN = ProviderTokens.firebase("+15550104242", Instant.now());
    private static final TransportConfig SHORT = TransportConfig.builder().requestTimeout(Duration.ofMillis(800))
            .build();

    private final SecretScanner scanner = new SecretScanner();
    private final List<AuthException> thrown = new ArrayList<>();

    @TransportTest
    void no_secret_reaches_a_to_string_an_exception_a_log_record_or_a_metric(TransportUnderTest transport) {
        secrets();
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        SpyTransport spy;
        try (LogCapture logs = LogCapture.install();
                QbEmulator emu = emulator();
                AuthTransport wire = transport.create(SHORT)) {
            spy = new SpyTransport(wire, scanner);
            SpyTransport spyOnWire = spy;
            QbAuth.Builder builder = QbAuthMetrics.instrument(client(emu, wire, AUTH_SECRET, API_KEY), registry)
                    .decorateTransport(inner -> spyOnWire)
                    .listener(event -> scanner.text("AuthEvent", event))
                    .listener(event -> {
                        throw new IllegalStateException("a listener that fails, so the SDK logs at DEBUG");
                    });
            try (QbAuthClient client = builder.build()) {
                render("QbAuth.Builder", builder);
                render("QbAuthClient", client);
                render("BlockingQbAuthClient", client.blocking());
                journey(emu, client);
                failuresOfOtherClients(emu, transport);
                invalidInput();
                renderPublicTypes(client, wire);
            }
            render("QbAuthClient closed", builder);
            scanner.text("prometheus scrape", registry.scrape());
            thrown.forEach(e -> scanner.throwable(e.getClass().getSimpleName(), e));
            logs.records().forEach(record -> scanner.text("log", record));
            spy.tokensSent().forEach(token -> scanner.secret("session token", token));

            assertThat(logs.sdkRecords()).as("the SDK's own log records were captured").isPositive();
            assertThat(thrown).as("the journey's failures, every AuthException subtype")
                    .extracting(e -> e.getClass().getSimpleName()).hasSizeGreaterThanOrEqualTo(20)
                    .contains("InvalidInputException", "ConfigurationException", "InvalidCredentialsException",
                            "ApplicationRejectedException", "SessionExpiredException", "InsufficientSessionException",
                            "ValidationException", "RateLimitedException", "RequestRejectedException",
                            "ServerException", "TransportException", "ProtocolException");
            assertThat(spy.tokensSent()).hasSizeGreaterThanOrEqualTo(4);
            assertThat(scanner.leaks()).as("secrets found in %d texts", scanner.textCount()).isEmpty();
        }
    }

    private void secrets() {
        for (Map.Entry<String, String> secret : Map.ofEntries(Map.entry("auth key", AUTH_KEY),
                Map.entry("auth secret", AUTH_SECRET), Map.entry("idp auth key", IDP_AUTH_KEY),
                Map.entry("idp auth secret", IDP_AUTH_SECRET), Map.entry("API key", API_KEY),
                Map.entry("account key", ACCOUNT_KEY), Map.entry("password", PASSWORD),
                Map.entry("wrong password", WRONG_PASSWORD), Map.entry("new password", NEW_PASSWORD),
                Map.entry("short password", SHORT_PASSWORD), Map.entry("wrong auth secret", WRONG_SECRET),
                Map.entry("wrong API key", WRONG_API_KEY), Map.entry("Facebook token", FACEBOOK_TOKEN),
                Map.entry("Facebook secret", FACEBOOK_SECRET), Map.entry("IdP token", IDP_TOKEN),
                Map.entry("Firebase ID token", FIREBASE_TOKEN)).entrySet()) {
            scanner.secret(secret.getKey(), secret.getValue());
        }
    }

    private void journey(QbEmulator emu, QbAuthClient client) {
        render("Session", ok(client.createApplicationSession()));
        fails(client.createUserSession(Credentials.login(LOGIN, WRONG_PASSWORD)));
        Session user = ok(client.createUserSession(Credentials.login(LOGIN, PASSWORD)));
        render("Session", user);
        render("SessionToken", user.token());
        User alice = ok(client.login(Credentials.login(LOGIN, PASSWORD)));
        render("User", alice);
        String alicePath = "/users/" + alice.id() + ".json";
        render("ApiResponse", ok(client.execute(ApiRequest.get(alicePath))));
        ApiRequest passwordChange = ApiRequest.put(alicePath).formBody(Map.of("user[old_password]", WRONG_PASSWORD,
                "user[password]", NEW_PASSWORD));
        render("ApiRequest", passwordChange);
        fails(client.execute(passwordChange));
        fails(client.signUp(NewUser.builder().login("short_pw_user").password(SHORT_PASSWORD).build()));
        NewUser newUser = NewUser.builder().login("secret_bob").password(NEW_PASSWORD).email("bob@example.com")
                .build();
        render("NewUser", newUser);
        User bob = ok(client.signUpWithApiKey(newUser));
        render("User", bob);
        fails(client.signUpWithApiKey(newUser));
        fails(client.execute(ApiRequest.put("/users/" + bob.id() + ".json").formBody(Map.of("user[password]",
                NEW_PASSWORD, "user[old_password]", NEW_PASSWORD))));
        fails(client.execute(ApiRequest.get("/users/987654321.json")));
        render("User", ok(client.login(Credentials.facebook(FACEBOOK_TOKEN, FACEBOOK_SECRET))));
        render("User", ok(client.login(Credentials.firebasePhone(ProviderTokens.FIREBASE_PROJECT, FIREBASE_TOKEN))));
        render("User", ok(client.login(Credentials.login(LOGIN, PASSWORD))));

        emu.jumpClock(QbEmulator.AbstractBuilder.DEFAULT_SESSION_TTL.plusMinutes(1));
        render("ApiResponse", ok(client.execute(ApiRequest.get(alicePath))));
        emu.restart();
        fails(client.getSession());
        render("ApiResponse", ok(client.execute(ApiRequest.get(alicePath))));
        fails(client.startSessionWithToken("0000000000000000000000000000000000000000"));
        render("Session", ok(client.createUserSession(Credentials.login(LOGIN, PASSWORD))));

        faulty(emu, Fault.connectionReset().on("POST", "/users.json"),
                () -> client.signUp(NewUser.builder().login("reset_user").password(NEW_PASSWORD).build()));
        faulty(emu, Fault.neverEnds().on("GET", "/users/*"), () -> client.execute(ApiRequest.get(alicePath)));
        faulty(emu, Fault.rateLimited(Duration.ofSeconds(1)).on("POST", "/login.json"),
                () -> client.login(Credentials.login(LOGIN, PASSWORD)));
        faulty(emu, Fault.htmlErrorPage().on("GET", "/users/*"), () -> client.execute(ApiRequest.get(alicePath)));
        faulty(emu, Fault.invalidJson().on("POST", "/login.json"), () -> client.login(Credentials.login(LOGIN,
                PASSWORD)));
        faulty(emu, Fault.truncatedJson().on("POST", "/session.json"),
                () -> client.createUserSession(Credentials.login(LOGIN, PASSWORD)));

        render("Session", ok(client.blocking().createUserSession(Credentials.login(LOGIN, PASSWORD))));
        try {
            client.blocking().login(Credentials.login(LOGIN, WRONG_PASSWORD));
        } catch (AuthException e) {
            thrown.add(e);
        }
        ok(client.logout());
        ok(client.destroySession());
        client.currentSession().ifPresent(session -> render("Session", session));
    }

    private void failuresOfOtherClients(QbEmulator emu, TransportUnderTest transport) {
        try (AuthTransport wire = transport.create(SHORT);
                QbAuthClient wrongSecret = client(emu, wire, WRONG_SECRET, WRONG_API_KEY).build()) {
            render("QbAuthClient", wrongSecret);
            fails(wrongSecret.createApplicationSession());
            fails(wrongSecret.signUpWithApiKey(NewUser.builder().login("rejected_user").password(NEW_PASSWORD)
                    .build()));
        }
        try (AuthTransport wire = transport.create(SHORT);
                QbAuthClient idp = QbAuth.builder().endpoint(emu.baseUrl()).allowPlainHttp(true)
                        .applicationId(IDP_APP_ID).authKey(IDP_AUTH_KEY).authSecret(IDP_AUTH_SECRET)
                        .transport(wire).transportConfig(SHORT).build()) {
            render("Session", ok(idp.createUserSession(Credentials.customIdentity(IDP_USER, IDP_TOKEN))));
            fails(idp.createUserSession(Credentials.customIdentity(IDP_USER, IDP_TOKEN + "-tampered")));
        }
    }

    private void invalidInput() {
        List<Supplier<Object>> invalid = List.of(
                () -> Credentials.login(LOGIN, PASSWORD + "\u0000"),
                () -> Credentials.facebook(FACEBOOK_TOKEN + "\n", FACEBOOK_SECRET),
                () -> NewUser.builder().login("x").password(NEW_PASSWORD + "\u0007").build(),
                () -> QbAuthConfig.builder().applicationId(APP_ID).authKey(AUTH_KEY).authSecret(AUTH_SECRET + "\r\n")
                        .build(),
                () -> ApiRequest.get("/users.json").header("Authorization", "ApiKey " + API_KEY + "\n"));
        for (Supplier<Object> attempt : invalid) {
            try {
                render("unexpectedly valid", attempt.get());
            } catch (AuthException e) {
                thrown.add(e);
            }
        }
    }

    private void renderPublicTypes(QbAuthClient client, AuthTransport wire) {
        Credentials[] credentials = {Credentials.login(LOGIN, PASSWORD), Credentials.email("a@example.com", PASSWORD),
            Credentials.facebook(FACEBOOK_TOKEN, FACEBOOK_SECRET),
            Credentials.firebasePhone(ProviderTokens.FIREBASE_PROJECT, FIREBASE_TOKEN),
            Credentials.customIdentity(IDP_USER, IDP_TOKEN)};
        for (Credentials each : credentials) {
            render("Credentials", each);
            render("CredentialsSupplier", CredentialsSupplier.of(each));
        }
        QbAuthConfig config = QbAuthConfig.builder().endpoint(java.net.URI.create("https://api.quickblox.com"))
                .applicationId(APP_ID).authKey(AUTH_KEY).authSecret(AUTH_SECRET).accountKey(ACCOUNT_KEY)
                .apiKey(API_KEY).build();
        render("QbAuthConfig", config);
        render("RefreshPolicy", RefreshPolicy.ofDefaults());
        render("ReauthPolicy", ReauthPolicy.ofDefaults());
        render("TransportConfig", SHORT);
        render("ApiRequest", ApiRequest.post("/users.json").header("Authorization", "ApiKey " + API_KEY)
                .jsonBody(("{\"user\":{\"password\":\"" + NEW_PASSWORD + "\"}}").getBytes(UTF_8)));
        render("ApiResponse", new ApiResponse(201, Map.of("QB-Token", List.of(AUTH_SECRET)),
                ("{\"token\":\"" + API_KEY + "\"}").getBytes(UTF_8)));
        JacksonJsonCodec codec = new JacksonJsonCodec();
        render("JsonCodec", codec);
        render("SessionPayload", codec.readSession(("{\"session\":{\"token\":\"" + API_KEY + "\",\"id\":1,"
                + "\"application_id\":1,\"user_id\":0}}").getBytes(UTF_8), 201));
        render("ErrorDetails", codec.readErrors("{\"errors\":{\"password\":[\"is too short\"]}}".getBytes(UTF_8),
                422));
        render("ErrorDetails", ErrorDetails.NONE);
        SessionStore store = SessionStore.inMemory();
        client.currentSession().ifPresent(store::save);
        render("SessionStore", store);
        render("AuthTransport", wire);
        render("transport providers", List.of(new JdkAuthTransportProvider(), new VertxAuthTransportProvider(),
                new JacksonJsonCodecProvider()));
        render("decorated client", UnaryOperator.<QbAuthClient>identity().apply(client));
    }

    private void faulty(QbEmulator emu, Fault fault, Supplier<CompletionStage<?>> call) {
        emu.faults().set(fault.times(1));
        try {
            fails(call.get());
        } finally {
            emu.faults().clear();
        }
    }

    private <T> T ok(CompletionStage<T> stage) {
        return Within.result(stage);
    }

    private <T> T ok(T value) {
        return value;
    }

    private void fails(CompletionStage<?> stage) {
        thrown.add(Within.failure(stage));
    }

    private void render(String type, Object value) {
        scanner.text(type + ".toString", value);
    }

    private static QbEmulator emulator() {
        return QbEmulator.builder().host("127.0.0.1").port(0)
                .app(EmulatorApp.of(APP_ID, AUTH_KEY, AUTH_SECRET).withApiKey(API_KEY))
                .app(EmulatorApp.of(IDP_APP_ID, IDP_AUTH_KEY, IDP_AUTH_SECRET).withCustomIdentityProvider())
                .user(APP_ID, LOGIN, PASSWORD)
                .accountKey(ACCOUNT_KEY)
                .timestampWindow(Duration.ofDays(1))
                .passwordHashIterations(1_000)
                .start();
    }

    private static QbAuth.Builder client(QbEmulator emu, AuthTransport wire, String authSecret, String apiKey) {
        return QbAuth.builder().endpoint(emu.baseUrl()).allowPlainHttp(true).applicationId(APP_ID)
                .authKey(AUTH_KEY).authSecret(authSecret).apiKey(apiKey).accountKey(ACCOUNT_KEY)
                .transport(wire).transportConfig(SHORT);
    }
}
