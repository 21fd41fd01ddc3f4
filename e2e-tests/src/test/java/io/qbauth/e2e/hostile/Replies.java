package io.qbauth.e2e.hostile;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Repliers for {@link HostileServer}: well-formed QuickBlox replies to spoil, and the spoiling ones. */
final class Replies {

    /** A valid 40-hex session token. */
    static final String TOKEN = "0123456789abcdef0123456789abcdef01234567";

    private Replies() {
    }

    /** Exactly these bytes. */
    static HostileServer.Replier raw(String reply) {
        return (request, out) -> out.write(reply);
    }

    /** A reply with a correct {@code Content-Length}, the given status and extra header lines. */
    static HostileServer.Replier body(int status, String contentType, byte[] body, String... headerLines) {
        return (request, out) -> out.write(with(status, contentType, body, headerLines));
    }

    static HostileServer.Replier json(int status, String json, String... headerLines) {
        return body(status, "application/json; charset=utf-8", json.getBytes(StandardCharsets.UTF_8), headerLines);
    }

    /** A valid 201 session reply, with extra header lines (an expiry header to spoil, say). */
    static HostileServer.Replier session(String... headerLines) {
        return json(201, sessionJson(TOKEN), headerLines);
    }

    static String sessionJson(String token) {
        String now = Instant.now().toString();
        return "{\"session\":{\"_id\":\"7\",\"application_id\":12345,\"created_at\":\"" + now + "\",\"id\":7,"
                + "\"nonce\":1,\"token\":\"" + token + "\",\"ts\":1,\"updated_at\":\"" + now + "\",\"user_id\":0}}";
    }

    static byte[] with(int status, String contentType, byte[] body, String... headerLines) {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(" Whatever\r\n")
                .append("Content-Type: ").append(contentType).append("\r\n")
                .append("Content-Length: ").append(body.length).append("\r\n")
                .append("Connection: close\r\n");
        for (String line : headerLines) {
            head.append(line).append("\r\n");
        }
        byte[] headBytes = head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(body, 0, all, headBytes.length, body.length);
        return all;
    }

    /**
     * A 201 whose body never stops: announced by a huge {@code Content-Length}, or chunked. 8 KiB at a time until
     * the client gives up (or 256 MiB, a cap that keeps a broken client from running forever).
     */
    static HostileServer.Replier endless(boolean chunked) {
        String filler = "x".repeat(8 * 1024);
        byte[] piece = (chunked ? Integer.toHexString(filler.length()) + "\r\n" + filler + "\r\n" : filler)
                .getBytes(StandardCharsets.US_ASCII);
        return (request, out) -> {
            out.write("HTTP/1.1 201 Created\r\nContent-Type: application/json\r\n"
                    + (chunked ? "Transfer-Encoding: chunked" : "Content-Length: 1000000000") + "\r\n\r\n");
            for (long sent = 0; sent < 256L * 1024 * 1024; sent += piece.length) {
                out.write(piece);
            }
        };
    }

    /** A head and the start of a chunked body, then nothing until the client leaves. */
    static HostileServer.Replier stall() {
        return (request, out) -> {
            out.write("HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "b\r\n{\"session\":\r\n");
            out.stallUntilClientLeaves();
        };
    }
}
