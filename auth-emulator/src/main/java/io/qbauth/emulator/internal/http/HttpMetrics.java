package io.qbauth.emulator.internal.http;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Replies written, by HTTP status; shared by all event loops. */
final class HttpMetrics {

    private final ConcurrentHashMap<Integer, LongAdder> responsesByStatus = new ConcurrentHashMap<>();

    void responded(int status) {
        responsesByStatus.computeIfAbsent(status, code -> new LongAdder()).increment();
    }

    /** Status to count, ascending by status. */
    Map<Integer, Long> responsesByStatus() {
        Map<Integer, Long> snapshot = new TreeMap<>();
        responsesByStatus.forEach((status, count) -> snapshot.put(status, count.sum()));
        return snapshot;
    }

    void reset() {
        responsesByStatus.values().forEach(LongAdder::reset);
    }
}
