package io.qbauth.emulator.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** Sends bytes no well-behaved client would send and returns what came back before the server closed. */
public final class RawHttp {

    private RawHttp() {
    }

    /** The raw response (status line, headers, body); the request should ask for {@code Connection: close}. */
    public static String exchange(int port, byte[] request) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            return readUntilClosed(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String exchange(int port, String request) {
        return exchange(port, request.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String readUntilClosed(InputStream in) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        try {
            for (int read; (read = in.read(chunk)) >= 0; ) {
                received.write(chunk, 0, read);
            }
        } catch (SocketTimeoutException e) {
            throw new IllegalStateException("the server neither answered nor closed within 5 s; got: "
                    + received.toString(StandardCharsets.UTF_8), e);
        } catch (IOException e) {
            if (received.size() == 0) {
                throw e;
            }
        }
        return received.toString(StandardCharsets.UTF_8);
    }
}
