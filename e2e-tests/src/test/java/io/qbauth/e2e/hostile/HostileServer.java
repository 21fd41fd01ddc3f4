package io.qbauth.e2e.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A raw-socket HTTP/1.1 server on 127.0.0.1 that answers every request with what its {@link Replier} writes, then
 * closes the connection (unless the replier stalls). One virtual thread per connection; {@link #close()} closes
 * every socket, so nothing outlives a test.
 */
final class HostileServer implements AutoCloseable {

    /** Writes the reply to one request; may block (a stall) until the client goes away. */
    @FunctionalInterface
    interface Replier {
        void reply(String requestLine, Wire out) throws IOException;
    }

    /** The reply side of one connection: counts the bytes it managed to send. */
    static final class Wire {
        private final Socket socket;
        private final OutputStream out;
        private final AtomicLong counter;
        private final byte[] requestBody;

        Wire(Socket socket, AtomicLong counter, byte[] requestBody) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
            this.counter = counter;
            this.requestBody = requestBody;
        }

        /** The body of the request being answered (for a server that echoes it). */
        byte[] requestBody() {
            return requestBody.clone();
        }

        void write(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
            counter.addAndGet(bytes.length);
        }

        void write(String text) throws IOException {
            write(text.getBytes(StandardCharsets.ISO_8859_1));
        }

        /** Blocks until the client closes the connection (or the server is closed). */
        void stallUntilClientLeaves() {
            try {
                InputStream in = socket.getInputStream();
                while (in.read() >= 0) {
                    // discard whatever else the client sends
                }
            } catch (IOException gone) {
                // the client or the server closed the socket
            }
        }
    }

    private static final int MAX_HEAD_BYTES = 64 * 1024;

    private final ServerSocket server;
    private final Replier replier;
    private final Thread acceptor;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong bytesWritten = new AtomicLong();
    private final AtomicInteger requests = new AtomicInteger();

    HostileServer(Replier replier) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.replier = replier;
        this.acceptor = Thread.ofPlatform().daemon().name("hostile-server-acceptor").start(this::acceptLoop);
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** Bytes written to clients so far: how much of an endless reply a client let through. */
    long bytesWritten() {
        return bytesWritten.get();
    }

    /** Requests received so far. */
    int requests() {
        return requests.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                open.add(socket);
                Thread.ofVirtual().name("hostile-server-connection").start(() -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            String head = readHead(socket.getInputStream());
            if (head == null) {
                return;
            }
            byte[] body = readBody(socket.getInputStream(), head);
            requests.incrementAndGet();
            replier.reply(head.substring(0, Math.max(0, head.indexOf("\r\n"))),
                    new Wire(socket, bytesWritten, body));
        } catch (IOException clientGone) {
            // the client reset or closed the connection: that is what most hostile replies provoke
        } finally {
            open.remove(socket);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (head.size() < MAX_HEAD_BYTES) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    private static byte[] readBody(InputStream in, String head) throws IOException {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                int length = Integer.parseInt(line.substring("content-length:".length()).trim());
                return in.readNBytes(length);
            }
        }
        return new byte[0];
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : open) {
            socket.close();
        }
        try {
            acceptor.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
