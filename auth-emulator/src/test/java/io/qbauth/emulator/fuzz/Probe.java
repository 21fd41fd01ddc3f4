package io.qbauth.emulator.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * Sends one {@link HostileRequest} on a fresh connection and watches what comes back. The server gets
 * {@code answerWait} to answer a request that looks complete; then the client closes its sending side, and the server
 * has until {@code hangBound} (from the start) to answer or close. Anything else is a hang.
 */
final class Probe {

    /** How a probe ended. */
    enum Ending { ANSWERED, CLOSED_WITHOUT_ANSWER, HANG }

    /**
     * @param ending how it ended
     * @param status the first final reply's status, -1 without one
     * @param elapsed from connecting to the answer or the close
     */
    record Outcome(Ending ending, int status, Duration elapsed) {
    }

    private static final int READ_SLICE_MILLIS = 50;

    private final int port;
    private final Duration answerWait;
    private final Duration hangBound;

    Probe(int port, Duration answerWait, Duration hangBound) {
        this.port = port;
        this.answerWait = answerWait;
        this.hangBound = hangBound;
    }

    Outcome send(HostileRequest request) throws IOException {
        long start = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), (int) hangBound.toMillis());
            socket.setSoTimeout(READ_SLICE_MILLIS);
            boolean outputOpen = write(socket, request.bytes());
            if (outputOpen && request.halfClose()) {
                socket.shutdownOutput();
                outputOpen = false;
            }
            return read(socket, request, start, outputOpen);
        }
    }

    /** Writes the request; false when the server closed the connection under the write (it answered early). */
    private static boolean write(Socket socket, byte[] bytes) {
        try {
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
            return true;
        } catch (IOException closedEarly) {
            return false;
        }
    }

    private Outcome read(Socket socket, HostileRequest request, long start, boolean outputOpen) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] chunk = new byte[16 * 1024];
        long answerDeadline = start + answerWait.toNanos();
        long hangDeadline = start + hangBound.toNanos();
        boolean open = outputOpen;
        while (true) {
            int n;
            try {
                n = in.read(chunk);
            } catch (SocketTimeoutException quiet) {
                n = 0;
            } catch (IOException reset) {
                n = -1;
            }
            if (n > 0) {
                received.write(chunk, 0, n);
                byte[] bytes = received.toByteArray();
                if (ReplyFraming.complete(bytes, bytes.length, request.head())) {
                    return outcome(Ending.ANSWERED, bytes, start);
                }
            } else if (n < 0) {
                byte[] bytes = received.toByteArray();
                return outcome(ReplyFraming.status(bytes, bytes.length) > 0
                        ? Ending.ANSWERED : Ending.CLOSED_WITHOUT_ANSWER, bytes, start);
            }
            long now = System.nanoTime();
            if (open && now > answerDeadline) {
                try {
                    socket.shutdownOutput();
                } catch (IOException alreadyClosed) {
                    // the read will see the end
                }
                open = false;
            }
            if (now > hangDeadline) {
                return outcome(Ending.HANG, received.toByteArray(), start);
            }
        }
    }

    private static Outcome outcome(Ending ending, byte[] received, long start) {
        return new Outcome(ending, ReplyFraming.status(received, received.length),
                Duration.ofNanos(System.nanoTime() - start));
    }
}
