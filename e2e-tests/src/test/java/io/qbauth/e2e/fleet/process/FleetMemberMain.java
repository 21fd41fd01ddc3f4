package io.qbauth.e2e.fleet.process;

import io.qbauth.PooledUser;
import io.qbauth.QbAuth;
import io.qbauth.UserPool;
import io.qbauth.adapter.store.redis.AesGcmSessionCipher;
import io.qbauth.adapter.store.redis.RedisSessionStore;
import io.qbauth.adapter.transport.jdk.JdkAuthTransport;
import io.qbauth.config.TransportConfig;
import io.qbauth.config.UserPoolConfig;
import io.qbauth.domain.ApiRequest;
import io.qbauth.domain.ApiResponse;
import io.qbauth.domain.Credentials;
import io.qbauth.domain.Session;
import io.qbauth.e2e.support.ProviderTokens;
import io.qbauth.e2e.support.QuickBloxFixture;
import io.qbauth.event.AuthEvent;
import io.qbauth.spi.AuthTransport;
import io.qbauth.spi.TransportRequest;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One member of a fleet, run as its own JVM by {@link MemberProcess}: one {@link UserPool} (and, when given a Redis
 * URI, its own {@link RedisSessionStore}) on the JDK transport, driving identities {@code fleet-0} ..
 * {@code fleet-(n-1)} (Facebook sign-ins). It reads commands on stdin, one a line, each with an id the test chose, and
 * answers on stdout with lines carrying that id, the last one {@code DONE <id> ...}:
 * <ul>
 *   <li>{@code round <id> [from to]}: one call ({@code GET /users/<its id>.json}) per identity (all, or numbers
 *       {@code from} to {@code to - 1}), {@code threads} at once; then per identity
 *       {@code TOKEN <id> <identity> <sha256-prefix of the token it holds>}, never the token itself;</li>
 *   <li>{@code load <id> <millis>}: calls on random identities from {@code threads} threads for that long;</li>
 *   <li>{@code reveal <id> <identity>}: {@code REVEAL <id> <token>}, only when started with {@code reveal=true}
 *       (the test's check that Redis holds no plaintext token);</li>
 *   <li>{@code status <id>}: whether its store reaches Redis now ({@code reachable=}), how many stored entries it
 *       could not open ({@code unreadable=}) and the fleet events its client published ({@code events=}: the store
 *       unavailable / recovered, sessions acquired per outcome);</li>
 *   <li>{@code quit}: closes everything and exits.</li>
 * </ul>
 * {@code round} and {@code load} end with {@code DONE <id> ok=<n> errors=<Type>:<n>,... ms=<elapsed>
 * slowest=<ms>}. Besides, every {@code POST /session.json} it sends is announced ({@code CREATE begin}) and its end
 * reported ({@code CREATE end <status|exception>}), so the test sees which member holds a creation.
 *
 * <p>It never outlives the test: it exits when its stdin closes (the test JVM died) and halts after its
 * {@link MemberSpec#lifetime()}.
 */
public final class FleetMemberMain {

    private static final Pattern OUTCOME = Pattern.compile("outcome=([A-Z_]+)");
    private static final PrintStream OUT = new PrintStream(new FileOutputStream(FileDescriptor.out), true,
            StandardCharsets.UTF_8);

    private final MemberSpec spec;
    private final AuthTransport transport;
    private final RedisSessionStore store;
    private final UserPool pool;
    private final List<PooledUser> users = new ArrayList<>();
    private final ExecutorService commands = Executors.newCachedThreadPool();
    private final Map<String, LongAdder> events = new ConcurrentHashMap<>();

    private FleetMemberMain(MemberSpec spec, String authSecret) {
        this.spec = spec;
        TransportConfig config = TransportConfig.builder().requestTimeout(spec.requestTimeout())
                .maxConnections(Math.max(4, spec.threads() * 2)).build();
        this.transport = JdkAuthTransport.create(config);
        this.store = spec.redisUri().map(uri -> RedisSessionStore.builder().uri(uri)
                .cipher(AesGcmSessionCipher.withKey(spec.cipherKey())).operationTimeout(spec.storeTimeout())
                .build()).orElse(null);
        QbAuth.Builder builder = QbAuth.builder().endpoint(spec.endpoint()).allowPlainHttp(true)
                .applicationId(QuickBloxFixture.APP_ID).authKey(QuickBloxFixture.AUTH_KEY).authSecret(authSecret)
                .transport(transport).transportConfig(config).decorateTransport(AnnouncingTransport::new)
                .listener(this::count);
        if (store != null) {
            builder.sharedStore(store); // owned here: closed after the pool
        }
        this.pool = builder.buildUserPool(UserPoolConfig.builder().maxIdentities(Math.max(1, spec.identities()))
                .build());
        for (int i = 0; i < spec.identities(); i++) {
            users.add(pool.forUser("fleet-" + i, Credentials.facebook(ProviderTokens.facebook("fleet-" + i))));
        }
    }

    /** Runs a member: {@code name=value} arguments (see {@link MemberSpec#arguments()}), secrets in the environment. */
    public static void main(String[] args) throws Exception {
        MemberSpec spec = MemberSpec.parse(args, System.getenv());
        Thread watchdog = Thread.ofPlatform().daemon().start(() -> {
            try {
                Thread.sleep(spec.lifetime().toMillis());
                System.err.println("member " + spec.instance() + ": lifetime over, halting");
                Runtime.getRuntime().halt(3);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        FleetMemberMain member = new FleetMemberMain(spec, System.getenv(MemberSpec.SECRET_ENV));
        member.warmUp();
        say("READY " + spec.instance() + " pid=" + ProcessHandle.current().pid());
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null && !line.equals("quit")) {
            String command = line;
            member.commands.execute(() -> member.run(command.split(" ")));
        }
        // "quit", or stdin closed because the test JVM is gone
        member.close();
        say("BYE " + spec.instance());
        watchdog.interrupt();
        System.exit(0);
    }

    private void run(String[] command) {
        String id = command.length > 1 ? command[1] : "?";
        try {
            switch (command[0]) {
                case "round" -> round(id, command.length > 3 ? Integer.parseInt(command[2]) : 0,
                        command.length > 3 ? Integer.parseInt(command[3]) : users.size());
                case "load" -> load(id, Long.parseLong(command[2]));
                case "reveal" -> reveal(id, Integer.parseInt(command[2]));
                case "status" -> say("DONE " + id + " reachable=" + reachable() + " unreadable="
                        + (store == null ? 0 : store.unreadableEntries()) + " events=" + events());
                default -> say("DONE " + id + " unknown-command=" + command[0]);
            }
        } catch (Throwable e) {
            say("DONE " + id + " failed=" + e.getClass().getSimpleName());
        }
    }

    /**
     * Counts the client's events by type; the fleet's by type and outcome ({@code FleetSessionAcquired.CREATED}),
     * read from the event's text, which names no secret.
     */
    private void count(AuthEvent event) {
        String type = event.getClass().getSimpleName();
        Matcher outcome = OUTCOME.matcher(event.toString());
        String key = type.startsWith("Fleet") && outcome.find() ? type + "." + outcome.group(1) : type;
        events.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    /** The fleet's events so far: {@code Type:count,...} for the store's availability and the fleet's outcomes. */
    private String events() {
        StringBuilder line = new StringBuilder();
        new TreeMap<>(events).forEach((type, n) -> {
            if (type.startsWith("Fleet") || type.startsWith("SharedStore")) {
                line.append(line.isEmpty() ? "" : ",").append(type).append(':').append(n.sum());
            }
        });
        return line.isEmpty() ? "-" : line.toString();
    }

    /**
     * Connects the store and loads its classes before the member says READY (bounded: a Redis that is down at start
     * stays down), so the first creation does not pay for it within its operation timeout.
     */
    private void warmUp() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        try {
            while (store != null && !reachable() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the store answers one operation now (within its operation timeout); false without a store. */
    private boolean reachable() {
        if (store == null) {
            return false;
        }
        try {
            store.backOffRemaining(QuickBloxFixture.APP_ID).toCompletableFuture()
                    .get(spec.storeTimeout().toMillis() + 500, TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void round(String id, int from, int to) throws InterruptedException {
        Tally tally = new Tally();
        long start = System.nanoTime();
        AtomicInteger next = new AtomicInteger(from);
        inParallel(() -> {
            for (int i = next.getAndIncrement(); i < to; i = next.getAndIncrement()) {
                tally.call(users.get(i));
            }
        });
        for (int i = from; i < to; i++) {
            String token = users.get(i).currentSession().map(Session::token).map(t -> t.value()).orElse("");
            say("TOKEN " + id + " " + i + " " + fingerprint(token));
        }
        say("DONE " + id + " " + tally.summary(start));
    }

    private void load(String id, long millis) throws InterruptedException {
        Tally tally = new Tally();
        long start = System.nanoTime();
        long end = start + TimeUnit.MILLISECONDS.toNanos(millis);
        inParallel(() -> {
            while (System.nanoTime() < end) {
                tally.call(users.get(ThreadLocalRandom.current().nextInt(users.size())));
            }
        });
        say("DONE " + id + " " + tally.summary(start));
    }

    private void reveal(String id, int identity) {
        if (!spec.revealTokens()) {
            say("DONE " + id + " refused=not-started-with-reveal");
            return;
        }
        say("REVEAL " + id + " " + users.get(identity).currentSession().map(s -> s.token().value()).orElse("-"));
        say("DONE " + id);
    }

    /**
     * The QuickBlox id of {@code user}: from the session it holds, else from its first session (getSession asks the
     * server with {@code GET /session.json}, which is not re-sent after a 401: only for a user holding none yet).
     */
    private static CompletionStage<Long> userId(PooledUser user) {
        return user.currentSession().map(s -> CompletableFuture.completedStage(s.userId()))
                .orElseGet(() -> user.getSession().thenApply(Session::userId));
    }

    private void inParallel(Runnable work) throws InterruptedException {
        try (ExecutorService callers = Executors.newFixedThreadPool(spec.threads())) {
            List<Future<?>> all = new ArrayList<>();
            for (int t = 0; t < spec.threads(); t++) {
                all.add(callers.submit(work));
            }
            for (Future<?> f : all) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
        }
    }

    private void close() {
        commands.shutdownNow();
        try {
            pool.close();
        } finally {
            try {
                if (store != null) {
                    store.close();
                }
            } finally {
                transport.close();
            }
        }
    }

    static synchronized void say(String line) {
        OUT.println(line);
    }

    /** The first 16 hex digits of the token's SHA-256: equal tokens, equal fingerprints; the token stays here. */
    static String fingerprint(String token) {
        if (token.isEmpty()) {
            return "-";
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Successes and failures (by exception type) of one command's calls, and the slowest call. */
    private final class Tally {
        private final LongAdder ok = new LongAdder();
        private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        private final AtomicInteger reported = new AtomicInteger();
        private volatile long slowestNanos;

        void call(PooledUser user) {
            long start = System.nanoTime();
            // the user's own record: any call but /session.json is re-sent once with a new session after a 401
            CompletionStage<ApiResponse> call = userId(user).thenCompose(userId -> user.execute(
                    ApiRequest.get("/users/" + userId + ".json").timeout(spec.callTimeout())));
            try {
                // bounded beyond the call's own budget: a call that outlives it is a hang, counted as such
                ApiResponse response = call.toCompletableFuture().get(spec.callTimeout().toMillis() + 5_000,
                        TimeUnit.MILLISECONDS);
                if (response.status() == 200) {
                    ok.increment();
                } else {
                    failed("HTTP" + response.status(), "status " + response.status());
                }
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() instanceof CompletionException c && c.getCause() != null
                        ? c.getCause() : e.getCause();
                failed(cause.getClass().getSimpleName(), String.valueOf(cause.getMessage()));
            } catch (TimeoutException e) {
                failed("Hang", "no outcome past the call's timeout");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed("Interrupted", "");
            }
            long took = System.nanoTime() - start;
            if (took > slowestNanos) {
                slowestNanos = took; // a racy max is good enough for a report
            }
        }

        private void failed(String type, String message) {
            errors.computeIfAbsent(type, t -> new LongAdder()).increment();
            if (reported.incrementAndGet() <= 3) { // a few messages for the log (they never carry secrets)
                System.err.println("member " + spec.instance() + ": call failed: " + type + ": " + message);
            }
        }

        String summary(long startNanos) {
            StringBuilder kinds = new StringBuilder();
            new TreeMap<>(errors).forEach((type, n) -> kinds.append(kinds.isEmpty() ? "" : ",").append(type)
                    .append(':').append(n.sum()));
            return "ok=" + ok.sum() + " errors=" + (kinds.isEmpty() ? "-" : kinds) + " ms="
                    + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos) + " slowest="
                    + TimeUnit.NANOSECONDS.toMillis(slowestNanos);
        }
    }

    /** Announces each session creation this member sends, and its end. */
    private static final class AnnouncingTransport implements AuthTransport {
        private final AuthTransport inner;

        AnnouncingTransport(AuthTransport inner) {
            this.inner = inner;
        }

        @Override
        public CompletionStage<ApiResponse> execute(TransportRequest request) {
            if (!request.method().equals("POST") || !request.uri().getPath().equals("/session.json")) {
                return inner.execute(request);
            }
            say("CREATE begin");
            return inner.execute(request).whenComplete((response, failure) -> say("CREATE end "
                    + (failure == null ? response.status() : failure.getClass().getSimpleName())));
        }

        @Override
        public boolean currentThreadMustNotBlock() {
            return inner.currentThreadMustNotBlock();
        }

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
