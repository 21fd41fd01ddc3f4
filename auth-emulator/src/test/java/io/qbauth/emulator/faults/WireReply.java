package io.qbauth.emulator.faults;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * What a raw socket received for one request: the bytes, and whether the server closed the connection or went quiet.
 * For fault modes whose point is what happens on the wire (a connection closed mid-body, a body that never ends).
 *
 * @param text everything received, as ISO-8859-1
 * @param closedByServer the server closed the connection (end of stream, or a reset after some bytes)
 * @param wentQuiet nothing more arrived for the quiet period, the connection still open
 */
record WireReply(String text, boolean closedByServer, boolean wentQuiet) {

    /** Sends {@code request} and reads until the server closes or sends nothing for {@code quiet}. */
    static WireReply exchange(int port, String request, Duration quiet) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) quiet.toMillis());
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static WireReply read(InputStream in) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        try {
            for (int n; (n = in.read(chunk)) >= 0; ) {
                received.write(chunk, 0, n);
            }
            return new WireReply(received.toString(StandardCharsets.ISO_8859_1), true, false);
        } catch (SocketTimeoutException quiet) {
            return new WireReply(received.toString(StandardCharsets.ISO_8859_1), false, true);
        } catch (IOException reset) {
            return new WireReply(received.toString(StandardCharsets.ISO_8859_1), true, false);
        }
    }

    /** The status code of the status line, or -1 when nothing (or no status line) arrived. */
    int status() {
        return text.startsWith("HTTP/1.1 ") && text.length() >= 12 ? Integer.parseInt(text.substring(9, 12)) : -1;
    }

    /** A header of the head, matched case-insensitively; null when absent. */
    String header(String name) {
        String prefix = name.toLowerCase(Locale.ROOT) + ":";
        for (String line : head().split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                return line.substring(prefix.length()).trim();
            }
        }
        return null;
    }

    /** Everything after the head's blank line. */
    String body() {
        int end = text.indexOf("\r\n\r\n");
        return end < 0 ? "" : text.substring(end + 4);
    }

    private String head() {
        int end = text.indexOf("\r\n\r\n");
        return end < 0 ? text : text.substring(0, end);
    }
}
