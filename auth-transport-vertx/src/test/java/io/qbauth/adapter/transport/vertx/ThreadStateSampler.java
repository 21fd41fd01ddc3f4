package io.qbauth.adapter.transport.vertx;

import java.util.Arrays;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

/**
 * Watches one thread and records every time it is found waiting — {@code BLOCKED} on a monitor, {@code WAITING} or
 * {@code TIMED_WAITING} (sleep, park, join, {@code Future.get}) — in two samples in a row, about a millisecond apart.
 * An event loop never legitimately waits like that: when idle it sits in the selector, which is {@code RUNNABLE}.
 * Unlike Vert.x's blocked-thread checker, which measures wall-clock time, this is not fooled by a loaded machine
 * descheduling the thread, and it catches short waits.
 */
final class ThreadStateSampler implements AutoCloseable {

    private static final long INTERVAL_NANOS = TimeUnit.MICROSECONDS.toNanos(500);

    final Queue<String> waits = new ConcurrentLinkedQueue<>();
    private final Thread watched;
    private final Thread sampler;
    private volatile boolean running = true;

    ThreadStateSampler(Thread watched) {
        this.watched = watched;
        this.sampler = Thread.ofPlatform().daemon().name("event-loop-state-sampler").start(this::sample);
    }

    private void sample() {
        Thread.State previous = Thread.State.RUNNABLE;
        while (running) {
            Thread.State state = watched.getState();
            if (isWaiting(state) && state == previous) {
                waits.add(state + " at " + Arrays.stream(watched.getStackTrace()).limit(8)
                        .map(StackTraceElement::toString).collect(Collectors.joining(" < ")));
            }
            previous = state;
            LockSupport.parkNanos(INTERVAL_NANOS); // the sampling period of this monitor thread
        }
    }

    private static boolean isWaiting(Thread.State state) {
        return state == Thread.State.BLOCKED || state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        sampler.join();
    }
}
