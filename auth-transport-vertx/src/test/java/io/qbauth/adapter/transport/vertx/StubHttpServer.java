package io.qbauth.adapter.transport.vertx;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A well-behaved HTTP/1.1 server on 127.0.0.1 (the JDK's, so no code is shared with the client under test). It
 * records every request and answers each path with a reply set by the test (default: 200, empty body).
 *
 * <p>A JUnit extension: {@code @RegisterExtension static final StubHttpServer server = new StubHttpServer();} starts
 * it before the class's tests, forgets earlier requests before each test, and stops it after the class.
 */
final class StubHttpServer implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    /** What the server received. Header names are as the JDK server normalises them (e.g. {@code X-multi}). */
    record Received(String method, String rawPathAndQuery, Map<String, List<String>> headers, byte[] body) {
        List<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue).findFirst().orElse(List.of());
        }
    }

    /** A canned reply. */
    record Reply(int status, Map<String, List<String>> headers, byte[] body) {
        static Reply of(int status, byte[] body) {
            return new Reply(status, Map.of(), body);
        }
    }

    private HttpServer server;
    private ExecutorService executor;
    private final Map<String, Reply> replies = new ConcurrentHashMap<>();
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        executor = Executors.newFixedThreadPool(8);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        received.clear();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.stop(0);
        executor.shutdownNow();
    }

    void reply(String path, Reply reply) {
        replies.put(path, reply);
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery);
    }

    /** The next request the server received, waiting at most 5 s. */
    Received nextRequest() throws InterruptedException {
        Received next = received.poll(5, TimeUnit.SECONDS);
        if (next == null) {
            throw new AssertionError("the server received no request within 5 s");
        }
        return next;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()),
                    Map.copyOf(exchange.getRequestHeaders()), body));
            Reply reply = replies.getOrDefault(exchange.getRequestURI().getPath(), Reply.of(200, new byte[0]));
            reply.headers().forEach((name, values) -> values.forEach(v -> exchange.getResponseHeaders().add(name, v)));
            boolean noBody = reply.body().length == 0 || exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(reply.status(), noBody ? -1 : reply.body().length);
            if (!noBody) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(reply.body());
                }
            }
        }
    }
}
