package io.qbauth.emulator.fuzz;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/** What a fuzz run saw, gathered from every probe thread. */
final class FuzzStats {

    private static final int KEPT_FAILURES = 20;

    /** The slowest probe so far. */
    record Slowest(long index, Duration elapsed, String description) {
    }

    private final LongAdder sent = new LongAdder();
    private final Map<Probe.Ending, LongAdder> endings = new ConcurrentHashMap<>();
    private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final LongAdder failureCount = new LongAdder();
    private final AtomicReference<Slowest> slowest = new AtomicReference<>(new Slowest(-1, Duration.ZERO, ""));

    void record(long index, HostileRequest request, Probe.Outcome outcome) {
        sent.increment();
        endings.computeIfAbsent(outcome.ending(), ending -> new LongAdder()).increment();
        if (outcome.status() > 0) {
            statuses.computeIfAbsent(outcome.status(), status -> new LongAdder()).increment();
        }
        if (outcome.ending() == Probe.Ending.HANG || outcome.status() >= 500) {
            fail("#" + index + " " + outcome.ending() + " status " + outcome.status() + ": " + request.description());
        }
        if (outcome.elapsed().toMillis() > 900 && Boolean.getBoolean("fuzz.debug")) {
            System.out.println("SLOW " + outcome + " #" + index + " " + request.description());
        }
        Slowest candidate = new Slowest(index, outcome.elapsed(), request.description());
        slowest.accumulateAndGet(candidate, (a, b) -> a.elapsed().compareTo(b.elapsed()) >= 0 ? a : b);
    }

    void fail(String failure) {
        failureCount.increment();
        if (failures.size() < KEPT_FAILURES) {
            failures.add(failure);
        }
    }

    long sent() {
        return sent.sum();
    }

    long count(Probe.Ending ending) {
        LongAdder adder = endings.get(ending);
        return adder == null ? 0 : adder.sum();
    }

    long serverErrors() {
        return statuses.entrySet().stream().filter(e -> e.getKey() >= 500).mapToLong(e -> e.getValue().sum()).sum();
    }

    /** Status to count, ascending. */
    Map<Integer, Long> statuses() {
        Map<Integer, Long> snapshot = new TreeMap<>();
        statuses.forEach((status, count) -> snapshot.put(status, count.sum()));
        return snapshot;
    }

    List<String> failures() {
        return List.copyOf(failures);
    }

    long failureCount() {
        return failureCount.sum();
    }

    Slowest slowest() {
        return slowest.get();
    }
}
