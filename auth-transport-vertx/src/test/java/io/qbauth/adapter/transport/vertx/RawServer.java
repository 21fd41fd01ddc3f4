package io.qbauth.adapter.transport.vertx;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A byte-level server on 127.0.0.1 for the replies a real server rarely sends: endless or lying bodies, silence,
 * resets. Each connection runs a {@link Script} on its own virtual thread. {@link #clientClosed} counts down when
 * the client closes a connection the script was reading from or writing to.
 */
final class RawServer implements AutoCloseable {

    /** What the server does with one accepted connection. */
    @FunctionalInterface
    interface Script {
        void run(Connection connection) throws IOException, InterruptedException;
    }

    /** One accepted connection, with the few operations the scripts need. */
    final class Connection {
        final Socket socket;
        final InputStream in;
        final OutputStream out;

        private Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        /** Reads the request head, up to the blank line (the requests in these tests have no body). */
        void readHead() throws IOException {
            byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
            int matched = 0;
            while (matched < end.length) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("client closed before the end of the request head");
                }
                matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
            }
        }

        void write(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        /** Blocks until the client closes the connection. */
        void awaitClientClose() throws IOException {
            while (in.read() >= 0) {
                // discard
            }
            throw new IOException("client closed");
        }
    }

    final CountDownLatch clientClosed = new CountDownLatch(1);
    final AtomicInteger connections = new AtomicInteger();
    private final ServerSocket serverSocket;

    RawServer(Script script) throws IOException {
        serverSocket = new ServerSocket(0, 512, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!serverSocket.isClosed()) {
                try {
                    Socket socket = serverSocket.accept();
                    connections.incrementAndGet();
                    Thread.ofVirtual().start(() -> serve(socket, script));
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    /** A server that reads each request, counts {@code requestArrived} down, and never answers. */
    static RawServer silent(CountDownLatch requestArrived) throws IOException {
        return new RawServer(connection -> {
            connection.readHead();
            requestArrived.countDown();
            connection.awaitClientClose();
        });
    }

    private void serve(Socket socket, Script script) {
        try (socket) {
            script.run(new Connection(socket));
        } catch (IOException e) {
            clientClosed.countDown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + serverSocket.getLocalPort() + pathAndQuery);
    }

    @Override
    public void close() throws IOException {
        serverSocket.close();
    }
}
