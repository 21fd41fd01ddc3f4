package io.qbauth.adapter.store.redis;

/**
 * Seals the sessions a {@link RedisSessionStore} keeps, so nothing readable is at rest in Redis. The default is
 * {@link AesGcmSessionCipher}; an application may plug in its own (a KMS-backed one, one that rotates keys and
 * tries the previous key when opening). Implementations must be thread-safe and quick: they run on Redis's I/O
 * threads.
 */
public interface SessionCipher {

    /**
     * Encrypts and authenticates {@code plaintext}, binding it to {@code associatedData} (the Redis key and the
     * generation: a value copied elsewhere does not open).
     */
    byte[] seal(byte[] plaintext, byte[] associatedData);

    /**
     * Opens a value {@link #seal} produced with the same {@code associatedData}.
     *
     * @throws SessionCipherException if the value does not open: another key, other associated data, a corrupted
     *                                or foreign value
     */
    byte[] open(byte[] sealed, byte[] associatedData);
}
