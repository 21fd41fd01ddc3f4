package io.qbauth.internal.signing;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

/**
 * Create-session nonces that never repeat within a process: a counter shared by every client of the process, started
 * at a random point, in {@code 1..Integer.MAX_VALUE} (a positive signed 32-bit integer, which every QuickBlox SDK
 * sends and the server accepts; wire protocol §3.1). QuickBlox refuses a (timestamp, nonce) pair it has seen, with a
 * 422 "Nonce has already been used"; random 31-bit nonces drawn independently met that once in about 20 000 creations
 * within one second (the birthday bound), a counter never does before {@code Integer.MAX_VALUE} draws. The random
 * start keeps two processes of the same application as unlikely to meet as random nonces would be. Thread-safe and
 * lock-free.
 */
final class NonceSequence implements IntSupplier {

    /** The one sequence of this process: every client's signer draws from it. */
    static final NonceSequence PROCESS = new NonceSequence(new SecureRandom().nextInt(Integer.MAX_VALUE));

    /** Draws so far plus the start; a long, so it never wraps (2^63 draws). */
    private final AtomicLong next;

    /** @param start where the sequence starts, {@code 0..Integer.MAX_VALUE - 1} (the first nonce is {@code start + 1}) */
    NonceSequence(int start) {
        if (start < 0 || start == Integer.MAX_VALUE) {
            throw new IllegalArgumentException("start must be in 0..Integer.MAX_VALUE - 1");
        }
        this.next = new AtomicLong(start);
    }

    /** The next nonce: {@code 1..Integer.MAX_VALUE}, different from the previous {@code Integer.MAX_VALUE - 1}. */
    @Override
    public int getAsInt() {
        // modulo MAX_VALUE the counter walks 0..MAX_VALUE-1 round and round: no repeat within MAX_VALUE draws
        return (int) (next.getAndIncrement() % Integer.MAX_VALUE) + 1;
    }
}
