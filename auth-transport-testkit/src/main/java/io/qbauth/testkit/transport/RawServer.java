package io.qbauth.testkit.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A byte-level HTTP server on 127.0.0.1 and a random port, for the replies a well-behaved server never sends:
 * truncated, endless or lying bodies, silence, resets. Each accepted connection runs a {@link Script} on its own
 * virtual thread. {@link #clientClosed()} counts down when the client closes a connection the script was reading
 * from or writing to.
 *
 * <pre>{@code
 * try (RawServer server = RawServer.afterHead(c -> c.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nshort"))) {
 *     transport.execute(new TransportRequest("GET", server.uri("/session.json"), Map.of(), null, timeout));
 * }
 * }</pre>
 */
public final class RawServer implements AutoCloseable {

    /** What the server does with one accepted connection. */
    @FunctionalInterface
    public interface Script {
        /**
         * Serves one accepted connection; it is closed when this returns.
         *
         * @param connection the accepted connection
         * @throws IOException          when the client closes the connection (counted by {@link #clientClosed()})
         * @throws InterruptedException when the script's wait is interrupted
         */
        void run(Connection connection) throws IOException, InterruptedException;
    }

    /** One accepted connection, with the few operations the scripts need. */
    public static final class Connection {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private final List<String> heads;

        private Connection(Socket socket, List<String> heads) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
            this.heads = heads;
        }

        /** The socket, e.g. to {@code setSoLinger(true, 0)} so that closing it sends a reset. */
        public Socket socket() {
            return socket;
        }

        /** Reads one byte from the client: -1 once the client has closed the connection. */
        public int read() throws IOException {
            return in.read();
        }

        /**
         * Reads the request head, up to the blank line, records it in {@link RawServer#heads()} and returns it. The
         * body, if any, is left unread: {@link #readRequest()} reads it too.
         *
         * @return the request line and headers, ending with the blank line
         * @throws IOException when the client closes the connection first
         */
        public String readHead() throws IOException {
            byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
            StringBuilder head = new StringBuilder();
            int matched = 0;
            while (matched < end.length) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("client closed before the end of the request head");
                }
                head.append((char) b);
                matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
            }
            heads.add(head.toString());
            return head.toString();
        }

        /**
         * Reads one whole request: its head (recorded, as {@link #readHead()}) and the body of the
         * {@code Content-Length} it announces, which is discarded.
         *
         * @return the request line and headers
         * @throws IOException when the client closes the connection first
         */
        public String readRequest() throws IOException {
            String head = readHead();
            for (String line : head.split("\r\n")) {
                if (line.regionMatches(true, 0, "Content-Length:", 0, "Content-Length:".length())) {
                    in.skipNBytes(Long.parseLong(line.substring("Content-Length:".length()).trim()));
                }
            }
            return head;
        }

        /**
         * Makes the coming close of this connection a reset (RST) instead of an orderly FIN.
         *
         * @throws IOException when the socket is already closed
         */
        public void resetOnClose() throws IOException {
            socket.setSoLinger(true, 0);
        }

        /** Writes {@code text} (ISO-8859-1, as HTTP/1.1 heads are) and flushes it. */
        public void write(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }

        /**
         * Blocks until the client closes the connection, discarding what it sends.
         *
         * @throws IOException always, once the client has closed the connection
         */
        public void awaitClientClose() throws IOException {
            while (in.read() >= 0) {
                // discard
            }
            throw new IOException("client closed");
        }
    }

    private final CountDownLatch clientClosed = new CountDownLatch(1);
    private final AtomicInteger connections = new AtomicInteger();
    private final List<String> heads = new CopyOnWriteArrayList<>();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final ServerSocket serverSocket;

    /** A server that runs {@code script} on every connection it accepts; the script reads the request itself. */
    public RawServer(Script script) throws IOException {
        serverSocket = new ServerSocket(0, 512, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("raw-server-acceptor").start(() -> {
            while (!serverSocket.isClosed()) {
                try {
                    Socket socket = serverSocket.accept();
                    open.add(socket);
                    connections.incrementAndGet();
                    Thread.ofVirtual().start(() -> serve(socket, script));
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    /** A server that reads each connection's first request head, then runs {@code script}. */
    public static RawServer afterHead(Script script) throws IOException {
        return new RawServer(connection -> {
            connection.readHead();
            script.run(connection);
        });
    }

    /** A server that reads each request, counts {@code requestArrived} down, and never answers. */
    public static RawServer silent(CountDownLatch requestArrived) throws IOException {
        return afterHead(connection -> {
            requestArrived.countDown();
            connection.awaitClientClose();
        });
    }

    /** {@code http://127.0.0.1:<port>} followed by {@code pathAndQuery}. */
    public URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + serverSocket.getLocalPort() + pathAndQuery);
    }

    /** Counts down the first time the client closes a connection under a script (its read or write failed). */
    public CountDownLatch clientClosed() {
        return clientClosed;
    }

    /** How many connections the server has accepted so far. */
    public int connections() {
        return connections.get();
    }

    /**
     * The head (request line and headers) of every request the scripts read so far, in order: on the wire, how
     * often a client sent a call.
     *
     * @return a snapshot of the heads read
     */
    public List<String> heads() {
        return List.copyOf(heads);
    }

    private void serve(Socket socket, Script script) {
        try (socket) {
            script.run(new Connection(socket, heads));
        } catch (IOException e) {
            clientClosed.countDown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.remove(socket);
        }
    }

    /** Stops accepting connections and closes those still open (their scripts' reads and writes then fail). */
    @Override
    public void close() throws IOException {
        serverSocket.close();
        for (Socket socket : open) {
            socket.close();
        }
    }
}
