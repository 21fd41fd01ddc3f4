package io.qbauth.adapter.store.redis;

import io.qbauth.domain.Session;
import io.qbauth.domain.SessionKind;
import io.qbauth.domain.SessionToken;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/** The plaintext form of a session before it is sealed: a versioned binary record. */
final class SessionBytes {

    private static final byte VERSION = 1;

    private SessionBytes() {
    }

    static byte[] encode(Session session) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeUTF(session.token().value());
            out.writeUTF(session.kind().name());
            out.writeLong(session.applicationId());
            out.writeLong(session.userId());
            out.writeLong(session.sessionId());
            out.writeLong(session.createdAt().toEpochMilli());
            out.writeLong(session.expiresAt().toEpochMilli());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * The session in {@code bytes}, adopted, expiring at {@code expiresAt} (the reader's clock: now plus the store's
     * remaining lifetime), or at the publisher's expiry when {@code expiresAt} is null (the entry has no lifetime).
     *
     * @throws SessionCipherException if the bytes are not a session of this version
     */
    static Session decode(byte[] bytes, Instant expiresAt) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readByte() != VERSION) {
                throw new SessionCipherException("the stored session has an unknown format version", null);
            }
            SessionToken token = new SessionToken(in.readUTF());
            SessionKind kind = SessionKind.valueOf(in.readUTF());
            long applicationId = in.readLong();
            long userId = in.readLong();
            long sessionId = in.readLong();
            Instant createdAt = Instant.ofEpochMilli(in.readLong());
            Instant published = Instant.ofEpochMilli(in.readLong());
            return new Session(token, kind, applicationId, userId, sessionId, createdAt,
                    expiresAt == null ? published : expiresAt,
                    Session.Origin.ADOPTED);
        } catch (IOException | RuntimeException e) {
            if (e instanceof SessionCipherException cipher) {
                throw cipher;
            }
            throw new SessionCipherException("the stored session is malformed: " + e.getClass().getSimpleName(), e);
        }
    }
}
