package io.qbauth.adapter.store.redis;

import io.qbauth.domain.SessionToken;
import io.qbauth.spi.FleetIdentity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The Redis names of one identity's keys (docs/FLEET.md §2). The hash tag {@code {app:digest}} keeps the keys one
 * script touches in one Cluster slot.
 */
final class FleetKeys {

    private final String prefix;
    private final String application;

    FleetKeys(String prefix, FleetIdentity identity) {
        this.prefix = prefix;
        this.application = prefix + ":{" + identity.applicationId() + "}";
        String tag = prefix + ":{" + identity.applicationId() + ":" + identity.digest() + "}";
        this.session = tag + ":s";
        this.lease = tag + ":l";
        this.generation = tag + ":g";
    }

    /** The hash holding the shared session: {@code g} generation, {@code f} fingerprint, {@code v} sealed value. */
    final String session;
    /** The creation lease: a random owner token with a PX lifetime. */
    final String lease;
    /** The generation counter. */
    final String generation;

    /** The application's publication channel. */
    String channel() {
        return application + ":published";
    }

    /** The application's 429 back-off key. */
    static String backOff(String prefix, long applicationId) {
        return prefix + ":{" + applicationId + "}:backoff";
    }

    /** The application's publication channel. */
    static String channel(String prefix, long applicationId) {
        return prefix + ":{" + applicationId + "}:published";
    }

    /** The associated data a session sealed under {@code generation} is bound to. */
    byte[] associatedData(long generation) {
        return (session + "\0" + generation).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A one-way fingerprint of {@code token} under this key, for compare-and-delete: the first 16 bytes of
     * SHA-256(key, token), hex. A token is 160 random bits or a signed JWT: the digest reveals nothing usable.
     */
    String fingerprint(SessionToken token) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(session.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return HexFormat.of().formatHex(sha.digest(token.value().getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "FleetKeys[" + session + "]";
    }

    String prefix() {
        return prefix;
    }
}
