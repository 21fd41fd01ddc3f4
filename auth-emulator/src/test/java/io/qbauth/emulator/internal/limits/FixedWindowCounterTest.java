package io.qbauth.emulator.internal.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The lock-free fixed window: exact under contention, windows aligned to the epoch, the wait until the next one. */
class FixedWindowCounterTest {

    private static final long T0 = 1_700_000_000_250L;

    @Test
    void admits_exactly_the_limit_per_window_and_says_how_long_until_the_next() {
        FixedWindowCounter counter = new FixedWindowCounter(1_000);

        assertThat(counter.tryAcquire(T0, 2)).isZero();
        assertThat(counter.tryAcquire(T0 + 100, 2)).isZero();
        assertThat(counter.tryAcquire(T0 + 200, 2)).isEqualTo(550);
        assertThat(counter.tryAcquire(T0 + 749, 2)).isEqualTo(1);
        assertThat(counter.tryAcquire(T0 + 750, 2)).as("the next window").isZero();
    }

    @Test
    void a_clock_that_goes_back_starts_a_fresh_window() {
        FixedWindowCounter counter = new FixedWindowCounter(60_000);
        assertThat(counter.tryAcquire(T0, 1)).isZero();
        assertThat(counter.tryAcquire(T0, 1)).isPositive();

        assertThat(counter.tryAcquire(T0 - 3_600_000, 1)).isZero();
    }

    @Test
    void under_contention_no_more_than_the_limit_is_admitted() throws Exception {
        FixedWindowCounter counter = new FixedWindowCounter(1_000);
        int threads = 8;
        int attemptsEach = 20_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> admitted = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                admitted.add(pool.submit(() -> {
                    start.await();
                    int count = 0;
                    for (int i = 0; i < attemptsEach; i++) {
                        if (counter.tryAcquire(T0, 50_000) == 0) {
                            count++;
                        }
                    }
                    return count;
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> future : admitted) {
                total += future.get(30, TimeUnit.SECONDS);
            }
            assertThat(total).isEqualTo(50_000);
        } finally {
            pool.shutdownNow();
        }
    }
}
