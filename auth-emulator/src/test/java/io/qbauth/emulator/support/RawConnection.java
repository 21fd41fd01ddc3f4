package io.qbauth.emulator.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** One raw TCP connection to the emulator, for requests no HTTP client would send; every read is bounded. */
public final class RawConnection implements AutoCloseable {

    private final Socket socket;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();

    public RawConnection(int port) {
        try {
            this.socket = new Socket("127.0.0.1", port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the bytes of {@code text} (ISO-8859-1). */
    public RawConnection send(String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        return this;
    }

    /**
     * Reads until the server closes the connection or {@code bound} passes.
     *
     * @return true when the server closed it (end of stream or reset), false when the bound passed first
     */
    public boolean awaitClose(Duration bound) throws IOException {
        long deadline = System.nanoTime() + bound.toNanos();
        byte[] chunk = new byte[8192];
        while (true) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return false;
            }
            socket.setSoTimeout((int) Math.max(1, left));
            try {
                int read = socket.getInputStream().read(chunk);
                if (read < 0) {
                    return true;
                }
                received.write(chunk, 0, read);
            } catch (SocketTimeoutException e) {
                return false;
            } catch (SocketException reset) {
                return true;
            }
        }
    }

    /** Reads until {@code text} has arrived (or the bound passes, or the server closes); returns all received. */
    public String awaitText(String text, Duration bound) throws IOException {
        long deadline = System.nanoTime() + bound.toNanos();
        byte[] chunk = new byte[8192];
        while (!received().contains(text)) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                break;
            }
            socket.setSoTimeout((int) Math.max(1, left));
            try {
                int read = socket.getInputStream().read(chunk);
                if (read < 0) {
                    break;
                }
                received.write(chunk, 0, read);
            } catch (SocketTimeoutException | SocketException e) {
                break;
            }
        }
        return received();
    }

    /** Everything received so far. */
    public String received() {
        return received.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
