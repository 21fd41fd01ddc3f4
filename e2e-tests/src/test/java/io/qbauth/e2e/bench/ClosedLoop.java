package io.qbauth.e2e.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * A closed-loop load generator: {@code callers} virtual threads each run the operation back to back; a warm-up
 * phase is discarded, then every call's latency is recorded for a fixed duration.
 */
final class ClosedLoop {

    /** One blocking operation; a failure aborts the run. */
    @FunctionalInterface
    interface Operation {
        void run() throws Exception;
    }

    /**
     * What one run measured. {@code cpuNanos} is this process's CPU time during the measured window (client and
     * in-process server together): per operation it is the cost of one call, which other processes on a shared
     * machine slow down but do not inflate, unlike throughput.
     */
    record Result(String name, int callers, long operations, Duration measured, long p50Nanos, long p99Nanos,
                  long cpuNanos) {

        double opsPerSecond() {
            return operations / (measured.toNanos() / 1e9);
        }

        double cpuMicrosPerOperation() {
            return operations == 0 ? 0 : cpuNanos / 1e3 / operations;
        }

        String row() {
            return String.format("%-34s %3d callers %8.0f ops/s  p50 %8.1f us  p99 %8.1f us  cpu %6.1f us/op", name,
                    callers, opsPerSecond(), p50Nanos / 1e3, p99Nanos / 1e3, cpuMicrosPerOperation());
        }

        /** The same as a Markdown table row, open at the end for more columns. */
        String markdownRow() {
            return String.format("| %s | %d | %,.0f | %s | %s | %.0f µs |", name, callers, opsPerSecond(),
                    humane(p50Nanos), humane(p99Nanos), cpuMicrosPerOperation());
        }

        private static String humane(long nanos) {
            return nanos < 1_000_000 ? String.format("%.0f µs", nanos / 1e3) : String.format("%.2f ms", nanos / 1e6);
        }
    }

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** One caller's latencies; written by its own thread only, read after the run has ended. */
    private static final class Recorder {
        private long[] samples = new long[1 << 14];
        private int count;

        void add(long nanos) {
            if (count == samples.length) {
                samples = Arrays.copyOf(samples, count * 2);
            }
            samples[count++] = nanos;
        }
    }

    private ClosedLoop() {
    }

    /** Of several rounds of one variant, the round with the median throughput. */
    static Result median(List<Result> rounds) {
        List<Result> sorted = rounds.stream().sorted(Comparator.comparingDouble(Result::opsPerSecond)).toList();
        return sorted.get(sorted.size() / 2);
    }

    static Result run(String name, int callers, Duration warmup, Duration measure, Operation operation)
            throws InterruptedException {
        return run(name, callers, warmup, measure, caller -> operation);
    }

    /** As {@link #run(String, int, Duration, Duration, Operation)}, caller {@code i} running {@code perCaller(i)}. */
    static Result run(String name, int callers, Duration warmup, Duration measure, IntFunction<Operation> perCaller)
            throws InterruptedException {
        AtomicBoolean recording = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(callers);
        List<Recorder> recorders = IntStream.range(0, callers).mapToObj(i -> new Recorder()).toList();
        for (int caller = 0; caller < callers; caller++) {
            Recorder recorder = recorders.get(caller);
            Operation operation = perCaller.apply(caller);
            Thread.ofVirtual().start(() -> {
                try {
                    while (!stop.get()) {
                        long start = System.nanoTime();
                        operation.run();
                        long elapsed = System.nanoTime() - start;
                        if (recording.get()) {
                            recorder.add(elapsed);
                        }
                    }
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                    stop.set(true);
                } finally {
                    done.countDown();
                }
            });
        }
        Thread.sleep(warmup.toMillis());
        recording.set(true);
        long start = System.nanoTime();
        long cpuStart = OS.getProcessCpuTime();
        Thread.sleep(measure.toMillis());
        recording.set(false);
        long cpu = OS.getProcessCpuTime() - cpuStart;
        long measured = System.nanoTime() - start;
        stop.set(true);
        done.await();
        if (failure.get() != null) {
            throw new IllegalStateException(name + " failed", failure.get());
        }
        long[] all = recorders.stream().flatMapToLong(r -> Arrays.stream(r.samples, 0, r.count)).sorted().toArray();
        return new Result(name, callers, all.length, Duration.ofNanos(measured), percentile(all, 0.50),
                percentile(all, 0.99), cpu);
    }

    private static long percentile(long[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted.length == 0 ? 0 : sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
