package io.qbauth.internal.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NonceSequenceTest {

    private static final int DRAWS = 1_000_000;

    @Test
    void a_million_draws_of_the_process_sequence_are_all_different_and_positive() {
        int[] nonces = new int[DRAWS];
        for (int i = 0; i < DRAWS; i++) {
            nonces[i] = NonceSequence.PROCESS.getAsInt();
        }

        assertDistinctAndPositive(nonces);
    }

    @Test
    void draws_from_many_threads_at_once_are_all_different() throws Exception {
        NonceSequence sequence = new NonceSequence(12_345);
        int threads = 4;
        int perThread = DRAWS / threads;
        int[] nonces = new int[threads * perThread];
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> runs = IntStream.range(0, threads).<Future<?>>mapToObj(thread -> pool.submit(() -> {
                for (int i = 0; i < perThread; i++) {
                    nonces[thread * perThread + i] = sequence.getAsInt();
                }
            })).toList();
            for (Future<?> run : runs) {
                run.get(30, TimeUnit.SECONDS);
            }
        }

        assertDistinctAndPositive(nonces);
    }

    @Test
    void the_sequence_wraps_from_the_largest_nonce_to_one_without_zero_or_a_repeat() {
        NonceSequence sequence = new NonceSequence(Integer.MAX_VALUE - 3);

        int[] drawn = IntStream.range(0, 6).map(i -> sequence.getAsInt()).toArray();

        assertThat(drawn).containsExactly(Integer.MAX_VALUE - 2, Integer.MAX_VALUE - 1, Integer.MAX_VALUE, 1, 2, 3);
    }

    @Test
    void a_start_outside_the_range_is_refused() {
        assertThatThrownBy(() -> new NonceSequence(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NonceSequence(Integer.MAX_VALUE)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertDistinctAndPositive(int[] nonces) {
        int[] sorted = nonces.clone();
        Arrays.sort(sorted);
        assertThat(sorted[0]).isPositive();
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] == sorted[i - 1]) {
                throw new AssertionError("nonce " + sorted[i] + " drawn twice");
            }
        }
    }
}
