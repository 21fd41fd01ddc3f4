package io.qbauth.adapter.transport.jdk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A raw-socket HTTP/1.1 server on 127.0.0.1 and port 0 that records the head of every request it reads, to count
 * on the wire how often a client sent a call. Each accepted connection runs a {@link Script} on a virtual thread;
 * when the script returns, the connection is closed. {@link #close()} closes every socket.
 */
final class RequestCountingServer implements AutoCloseable {

    /** What the server does with one connection. */
    @FunctionalInterface
    interface Script {
        void run(Connection connection) throws IOException;
    }

    /** One accepted connection. */
    final class Connection {
        private final Socket socket;
        private final InputStream in;

        private Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
        }

        /**
         * Reads one request — its head, and a body of the {@code Content-Length} it announces — and records the head.
         *
         * @throws IOException when the client closes the connection first
         */
        void readRequest() throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            while (matched < 4) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("the client closed the connection before a request");
                }
                head.write(b);
                matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            String text = head.toString(StandardCharsets.ISO_8859_1);
            heads.add(text);
            for (String line : headerLines(text)) {
                if (line.startsWith("content-length:")) {
                    in.skipNBytes(Long.parseLong(line.substring("content-length:".length()).trim()));
                }
            }
        }

        /** Writes {@code text} (ISO-8859-1) and flushes it. */
        void write(String text) throws IOException {
            socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
        }

        /** Makes the coming close a reset (RST) instead of an orderly FIN. */
        void resetOnClose() throws IOException {
            socket.setSoLinger(true, 0);
        }
    }

    private final ServerSocket server;
    private final Script script;
    private final List<String> heads = new CopyOnWriteArrayList<>();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    RequestCountingServer(Script script) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.script = script;
        Thread.ofVirtual().name("counting-server-acceptor").start(this::acceptLoop);
    }

    /** {@code http://127.0.0.1:<port>} followed by {@code path}. */
    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + path);
    }

    /** The head (request line and headers) of every request read so far, in order. */
    List<String> heads() {
        return List.copyOf(heads);
    }

    /** {@code head}'s lines, lower-cased. */
    static List<String> headerLines(String head) {
        return head.lines().map(line -> line.toLowerCase(Locale.ROOT)).toList();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                open.add(socket);
                Thread.ofVirtual().name("counting-server-connection").start(() -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            script.run(new Connection(socket));
        } catch (IOException clientGone) {
            // the client closed or reset the connection
        } finally {
            open.remove(socket);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : open) {
            socket.close();
        }
    }
}
