package io.qbauth.adapter.transport.jdk;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;

/** A {@link HttpServer} on 127.0.0.1 and a random port that answers every request with one handler. */
final class StubServer implements AutoCloseable {

    /** Answers one exchange. */
    @FunctionalInterface
    interface Handler {
        void handle(HttpExchange exchange) throws Exception;
    }

    /** What the server received. */
    record Received(String method, URI uri, com.sun.net.httpserver.Headers headers, byte[] body) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

    StubServer(Handler handler) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            try (exchange) {
                received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI(),
                        exchange.getRequestHeaders(), exchange.getRequestBody().readAllBytes()));
                handler.handle(exchange);
            } catch (Exception e) {
                // the client went away or the handler gave up: nothing to answer
            }
        });
        server.setExecutor(executor);
        server.start();
    }

    /** A server answering every request with {@code status} and {@code body}. */
    static StubServer replying(int status, byte[] body) {
        return new StubServer(exchange -> {
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
        });
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery);
    }

    /** The next request the server received (waits up to 5 s). */
    Received nextRequest() throws InterruptedException {
        Received next = received.poll(5, java.util.concurrent.TimeUnit.SECONDS);
        if (next == null) {
            throw new AssertionError("the server received no request");
        }
        return next;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
