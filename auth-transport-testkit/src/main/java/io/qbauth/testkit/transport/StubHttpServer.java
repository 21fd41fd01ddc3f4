package io.qbauth.testkit.transport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A well-behaved HTTP/1.1 server on 127.0.0.1 and a random port (the JDK's {@code com.sun.net.httpserver}, so it
 * shares no code with a client under test) that answers each path with a canned reply: by default the one it was
 * started with, else a path's own ({@link #reply(String, int, byte[])}). For a transport's own tests that need a
 * server to reach and nothing more; byte-level misbehaviour is {@link RawServer}'s.
 *
 * <p>Close it after use, or register it as a JUnit extension, which closes it after the test class:
 * <pre>{@code
 * @RegisterExtension
 * static final StubHttpServer server = StubHttpServer.start();
 *
 * try (StubHttpServer server = StubHttpServer.replying(204, new byte[0])) { ... }
 * }</pre>
 */
public final class StubHttpServer implements AutoCloseable, AfterAllCallback {

    /** A canned reply. */
    private record Reply(int status, byte[] body) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Reply byDefault;
    private final Map<String, Reply> byPath = new ConcurrentHashMap<>();

    private StubHttpServer(Reply byDefault) {
        this.byDefault = byDefault;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /**
     * Starts a server that answers every path with 200 and no body.
     *
     * @return the running server
     */
    public static StubHttpServer start() {
        return replying(200, new byte[0]);
    }

    /**
     * Starts a server that answers every path with {@code status} and {@code body}.
     *
     * @param status the status of every reply
     * @param body   the body of every reply but to {@code HEAD}; empty for none
     * @return the running server
     */
    public static StubHttpServer replying(int status, byte[] body) {
        return new StubHttpServer(new Reply(status, body.clone()));
    }

    /**
     * Answers {@code path} (without query) with {@code status} and {@code body} from now on.
     *
     * @param path   the path, e.g. {@code /session.json}
     * @param status the status
     * @param body   the body; empty for none
     * @return this server
     */
    public StubHttpServer reply(String path, int status, byte[] body) {
        byPath.put(path, new Reply(status, body.clone()));
        return this;
    }

    /**
     * The URI of {@code pathAndQuery} on this server.
     *
     * @param pathAndQuery e.g. {@code /session.json?x=1}
     * @return {@code http://127.0.0.1:<port><pathAndQuery>}
     */
    public URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery);
    }

    /** Stops the server. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /**
     * Stops the server after the test class, when registered as an extension.
     *
     * @param context the test class's context
     */
    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            Reply reply = byPath.getOrDefault(exchange.getRequestURI().getPath(), byDefault);
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
