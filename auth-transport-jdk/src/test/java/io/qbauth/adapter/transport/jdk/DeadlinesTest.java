package io.qbauth.adapter.transport.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class DeadlinesTest {

    private final Deadlines deadlines = new Deadlines();

    /** A watched exchange that records when it was expired. */
    private static final class Watched implements Deadlines.Timed {
        final long deadline;
        final AtomicBoolean done = new AtomicBoolean();
        final AtomicInteger expirations = new AtomicInteger();
        final CountDownLatch expired = new CountDownLatch(1);
        volatile long expiredAt;

        Watched(Duration in) {
            deadline = System.nanoTime() + in.toNanos();
        }

        @Override
        public long deadlineNanos() {
            return deadline;
        }

        @Override
        public boolean isDone() {
            return done.get();
        }

        @Override
        public void expire() {
            expiredAt = System.nanoTime();
            expirations.incrementAndGet();
            expired.countDown();
        }
    }

    @Test
    void an_exchange_is_expired_once_shortly_after_its_deadline_and_never_before() throws Exception {
        Watched watched = new Watched(Duration.ofMillis(150));

        deadlines.watch(watched);

        assertThat(watched.expired.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(watched.expiredAt).isGreaterThanOrEqualTo(watched.deadline);
        assertThat(Duration.ofNanos(watched.expiredAt - watched.deadline)).isLessThan(Duration.ofSeconds(1));
        Thread.sleep(100); // a few more sweeps
        assertThat(watched.expirations).hasValue(1);
    }

    @Test
    void a_finished_exchange_is_dropped_and_never_expired() throws Exception {
        Watched finished = new Watched(Duration.ofMillis(50));
        Watched marker = new Watched(Duration.ofMillis(200));
        deadlines.watch(finished);
        deadlines.watch(marker);

        finished.done.set(true);

        assertThat(marker.expired.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(finished.expirations).hasValue(0);
    }

    @Test
    void the_sweeper_ends_when_idle_and_the_next_exchange_starts_another() throws Exception {
        Watched first = new Watched(Duration.ofMillis(20));
        deadlines.watch(first);
        assertThat(first.expired.await(5, TimeUnit.SECONDS)).isTrue();

        long idleSince = System.nanoTime();
        while (deadlines.isSweeping() && System.nanoTime() - idleSince < TimeUnit.SECONDS.toNanos(10)) {
            Thread.sleep(50);
        }
        assertThat(deadlines.isSweeping()).as("sweeper ended after a second without exchanges").isFalse();

        Watched second = new Watched(Duration.ofMillis(20));
        deadlines.watch(second);
        assertThat(second.expired.await(5, TimeUnit.SECONDS)).isTrue();
    }
}
