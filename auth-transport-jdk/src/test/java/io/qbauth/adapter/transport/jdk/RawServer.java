package io.qbauth.adapter.transport.jdk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** A socket server for replies {@code HttpServer} cannot produce: truncated, stalled, or hung up. */
final class RawServer implements AutoCloseable {

    /** Handles one connection after the request head has been read. */
    @FunctionalInterface
    interface ConnectionHandler {
        void handle(Socket socket) throws Exception;
    }

    private final ServerSocket serverSocket;
    private final Thread acceptor;

    RawServer(ConnectionHandler handler) {
        try {
            serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        acceptor = Thread.ofVirtual().start(() -> {
            while (!serverSocket.isClosed()) {
                try {
                    Socket socket = serverSocket.accept();
                    Thread.ofVirtual().start(() -> {
                        try (socket) {
                            readHead(socket.getInputStream());
                            handler.handle(socket);
                        } catch (Exception e) {
                            // connection closed by either side
                        }
                    });
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + serverSocket.getLocalPort() + path);
    }

    static void write(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
    }

    /** Reads up to the blank line that ends the request head (tests send no request bodies here). */
    private static void readHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        int b;
        while (matched < end.length && (b = in.read()) >= 0) {
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
    }

    @Override
    public void close() throws IOException {
        serverSocket.close();
        acceptor.interrupt();
    }
}
