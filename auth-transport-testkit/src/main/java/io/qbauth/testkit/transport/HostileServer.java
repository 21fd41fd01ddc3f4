package io.qbauth.testkit.transport;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link RawServer} for the hostile-reply scenarios: every request carries an id in its path ({@code /r/<id>}), and
 * every reply is that id as the body, so a call that reads another call's reply is caught. The first request of the
 * first connection gets a {@link FirstReply} scripted by the test instead (an interim reply first, a body longer or
 * shorter than announced, a stall, an endless body); every later request, on any connection, gets its id.
 *
 * <p>Per connection (numbered from 1 in accept order) it records how many requests it served and whether the client
 * closed it, so a test can check that a half-read connection was closed and never reused.
 */
public final class HostileServer implements AutoCloseable {

    /** What the server writes for the first request of the first connection. */
    @FunctionalInterface
    public interface FirstReply {
        /**
         * Writes the reply to the request {@code id}.
         *
         * @return whether to go on serving requests on this connection; {@code false} closes it
         */
        boolean write(RawServer.Connection connection, String id) throws IOException, InterruptedException;
    }

    private final RawServer server;
    private final AtomicInteger numbers = new AtomicInteger();
    private final Map<Integer, AtomicInteger> served = new ConcurrentHashMap<>();
    private final Map<Integer, CountDownLatch> closedByClient = new ConcurrentHashMap<>();

    /** Starts a server on 127.0.0.1 and a random port. */
    public HostileServer(FirstReply first) throws IOException {
        server = new RawServer(connection -> {
            int number = numbers.incrementAndGet();
            AtomicInteger requests = served.computeIfAbsent(number, n -> new AtomicInteger());
            CountDownLatch closed = closedByClient.computeIfAbsent(number, n -> new CountDownLatch(1));
            try {
                while (true) {
                    String id = idOf(connection.readHead());
                    if (number == 1 && requests.incrementAndGet() == 1) {
                        if (!first.write(connection, id)) {
                            return;
                        }
                    } else {
                        if (number != 1) {
                            requests.incrementAndGet();
                        }
                        connection.write(reply(id));
                    }
                }
            } catch (IOException clientClosed) {
                closed.countDown();
            }
        });
    }

    /** A complete 200 reply whose body is {@code id}. */
    public static String reply(String id) {
        return "HTTP/1.1 200 OK\r\nContent-Length: " + id.getBytes(StandardCharsets.ISO_8859_1).length + "\r\n\r\n"
                + id;
    }

    /** The URI of the request {@code id}. */
    public URI uri(String id) {
        return server.uri("/r/" + id);
    }

    /** Connections accepted so far. */
    public int connections() {
        return numbers.get();
    }

    /** Requests served on connection {@code number} (1 = the first accepted). */
    public int requestsOn(int number) {
        AtomicInteger requests = served.get(number);
        return requests == null ? 0 : requests.get();
    }

    /** Waits up to {@code seconds} for the client to close connection {@code number}; whether it did. */
    public boolean awaitClosedByClient(int number, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        CountDownLatch closed;
        while ((closed = closedByClient.get(number)) == null) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return closed.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    private static String idOf(String head) {
        String target = head.substring(head.indexOf(' ') + 1, head.indexOf(' ', head.indexOf(' ') + 1));
        return target.startsWith("/r/") ? target.substring(3) : target;
    }

    /** Stops accepting connections, as {@link RawServer#close()}. */
    @Override
    public void close() throws IOException {
        server.close();
    }
}
