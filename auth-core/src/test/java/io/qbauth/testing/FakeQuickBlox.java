package io.qbauth.testing;

import io.qbauth.spi.AuthTransport;
import io.qbauth.spi.TransportRequest;
import io.qbauth.domain.ApiResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * An in-process stand-in for the QuickBlox auth API, plugged in as the {@link AuthTransport}: sessions with sliding
 * expiry, login/logout, sign-up, a protected echo endpoint for any other path, and hooks to inject failures or hold
 * session creations. For the unit tests of auth-core; the real protocol conformance is tested against the emulator.
 */
public final class FakeQuickBlox implements AuthTransport {

    /** The application id the fake accepts. */
    public static final long APP_ID = 12345;
    /** The sessions' lifetime after the last request. */
    public static final Duration TTL = Duration.ofHours(2);
    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private record Account(long id, String login, String password) {
    }

    private final ManualClock clock;
    private final Map<String, Long> sessionUsers = new ConcurrentHashMap<>();
    private final Map<String, Long> sessionExpiry = new ConcurrentHashMap<>();
    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    private final AtomicInteger tokens = new AtomicInteger();
    private final AtomicInteger userIds = new AtomicInteger(1000);
    private final AtomicInteger creations = new AtomicInteger();
    private final AtomicInteger closes = new AtomicInteger();
    private final Queue<TransportRequest> requests = new ConcurrentLinkedQueue<>();
    private final AtomicReference<Function<TransportRequest, CompletableFuture<ApiResponse>>> interceptor =
            new AtomicReference<>(request -> null);
    private volatile CompletableFuture<Void> creationGate = CompletableFuture.completedFuture(null);

    public FakeQuickBlox(ManualClock clock) {
        this.clock = clock;
    }

    /** Registers a user who can log in with login and password. */
    public FakeQuickBlox withUser(String login, String password) {
        accounts.put(login, new Account(userIds.incrementAndGet(), login, password));
        return this;
    }

    /** The id of a registered user. */
    public long userId(String login) {
        return accounts.get(login).id();
    }

    /**
     * Answers requests with {@code interceptor} first; when it returns null the fake answers normally. Replaces the
     * previous interceptor.
     */
    public void intercept(Function<TransportRequest, CompletableFuture<ApiResponse>> value) {
        interceptor.set(value);
    }

    /** Holds every session creation reply until the returned future is completed. */
    public CompletableFuture<Void> holdCreations() {
        CompletableFuture<Void> gate = new CompletableFuture<>();
        creationGate = gate;
        return gate;
    }

    /** The server forgets every session: later calls with their tokens get 401 "Required session does not exist". */
    public void forgetAllSessions() {
        sessionUsers.clear();
        sessionExpiry.clear();
    }

    /** How many sessions were created ({@code POST /session.json} answered 201). */
    public int creations() {
        return creations.get();
    }

    /** How many times {@link #close()} was called. */
    public int closes() {
        return closes.get();
    }

    /** Every request received, in order. */
    public List<TransportRequest> requests() {
        return List.copyOf(requests);
    }

    /** The requests received for {@code method} {@code path}. */
    public List<TransportRequest> requests(String method, String path) {
        return requests.stream().filter(r -> r.method().equals(method) && r.uri().getPath().equals(path)).toList();
    }

    @Override
    public CompletionStage<ApiResponse> execute(TransportRequest request) {
        requests.add(request);
        CompletableFuture<ApiResponse> intercepted = interceptor.get().apply(request);
        if (intercepted != null) {
            return intercepted;
        }
        String route = request.method() + " " + request.uri().getPath();
        return switch (route) {
            case "POST /session.json" -> creationGate.thenApply(ignored -> createSession(request));
            case "GET /session.json" -> done(authenticated(request, token -> json(200, sessionJson(token))));
            case "DELETE /session.json" -> done(authenticated(request, token -> {
                sessionUsers.remove(token);
                sessionExpiry.remove(token);
                return reply(200, "", Map.of());
            }));
            case "POST /login.json" -> done(authenticated(request, token -> login(token, form(request))));
            case "DELETE /login.json" -> done(authenticated(request, token -> {
                sessionUsers.put(token, 0L);
                return reply(200, "", Map.of());
            }));
            case "POST /users.json" -> done(request.header("Authorization").isPresent()
                    ? signUp(request) : authenticated(request, token -> signUp(request)));
            default -> done(authenticated(request, token -> json(200, Map.of("echo",
                    new String(request.body(), StandardCharsets.UTF_8), "user_id", sessionUsers.get(token)))));
        };
    }

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public void close() {
        closes.incrementAndGet();
    }

    /** A reply with the given status, JSON body and headers. */
    public static ApiResponse reply(int status, String body, Map<String, String> headers) {
        Map<String, List<String>> h = new LinkedHashMap<>();
        headers.forEach((name, value) -> h.put(name, List.of(value)));
        if (!body.isEmpty()) {
            h.put("Content-Type", List.of("application/json; charset=utf-8"));
        }
        return new ApiResponse(status, h, body.getBytes(StandardCharsets.UTF_8));
    }

    private static CompletableFuture<ApiResponse> done(ApiResponse response) {
        return CompletableFuture.completedFuture(response);
    }

    private ApiResponse createSession(TransportRequest request) {
        Map<String, String> form = form(request);
        if (!String.valueOf(APP_ID).equals(form.get("application_id")) || form.get("signature") == null) {
            return json(422, Map.of("errors", Map.of("base", List.of("Unexpected signature"))));
        }
        long userId = 0;
        String login = form.containsKey("user[login]") ? form.get("user[login]") : form.get("user[email]");
        if (login != null) {
            Account account = accounts.get(login);
            if (account == null || !account.password().equals(form.get("user[password]"))) {
                return json(401, Map.of("errors", List.of("Unauthorized")));
            }
            userId = account.id();
        }
        String token = "token" + tokens.incrementAndGet();
        sessionUsers.put(token, userId);
        sessionExpiry.put(token, clock.millis() + TTL.toMillis());
        creations.incrementAndGet();
        return json(201, sessionJson(token));
    }

    private ApiResponse login(String token, Map<String, String> form) {
        Account account = accounts.get(form.getOrDefault("login", ""));
        if (account == null || !account.password().equals(form.get("password"))) {
            return json(401, Map.of("errors", List.of("Unauthorized")));
        }
        sessionUsers.put(token, account.id());
        return json(202, userJson(account.id(), account.login()));
    }

    private ApiResponse signUp(TransportRequest request) {
        String login = request.header("Content-Type").orElse("").startsWith("application/json")
                ? jsonLogin(request) : form(request).get("user[login]");
        if (accounts.containsKey(login)) {
            return json(422, Map.of("errors", Map.of("login", List.of("has already been taken"))));
        }
        Account account = new Account(userIds.incrementAndGet(), login, "secret");
        accounts.put(login, account);
        return json(201, userJson(account.id(), login));
    }

    @SuppressWarnings("unchecked")
    private static String jsonLogin(TransportRequest request) {
        Map<String, Object> root = (Map<String, Object>) MiniJson.parse(new String(request.body(),
                StandardCharsets.UTF_8));
        return (String) ((Map<String, Object>) root.get("user")).get("login");
    }

    private ApiResponse authenticated(TransportRequest request, Function<String, ApiResponse> handler) {
        String token = request.header("QB-Token").orElse(null);
        if (token == null) {
            return json(401, Map.of("errors", List.of("Token is required")));
        }
        Long expiry = sessionExpiry.get(token);
        if (!sessionUsers.containsKey(token) || (expiry != null && expiry <= clock.millis())) {
            return json(401, Map.of("errors", Map.of("base", List.of("Required session does not exist"))));
        }
        sessionExpiry.put(token, clock.millis() + TTL.toMillis());
        return handler.apply(token);
    }

    private ApiResponse json(int status, Map<String, Object> body) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (status < 400) {
            headers.put("QB-Token-ExpirationDate", EXPIRY.format(clock.instant().plus(TTL)));
            headers.put("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(clock.instant().atZone(ZoneOffset.UTC)));
        }
        return reply(status, MiniJson.write(body), headers);
    }

    private Map<String, Object> sessionJson(String token) {
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("application_id", APP_ID);
        session.put("created_at", "2026-01-01T00:00:00Z");
        session.put("id", Long.parseLong(token.substring("token".length())));
        session.put("token", token);
        session.put("user_id", sessionUsers.getOrDefault(token, 0L));
        return Map.of("session", session);
    }

    private static Map<String, Object> userJson(long id, String login) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", id);
        user.put("login", login);
        return Map.of("user", user);
    }

    private static Map<String, String> form(TransportRequest request) {
        Map<String, String> form = new LinkedHashMap<>();
        String body = new String(request.body(), StandardCharsets.UTF_8);
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }
}
