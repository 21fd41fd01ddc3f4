package io.qbauth.emulator.internal.http.rendering;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;

/** Replies written, by HTTP status (100 to 599); shared by all event loops, one adder per status. */
public final class HttpMetrics {

    private static final int LOWEST_STATUS = 100;

    private final LongAdder[] responsesByStatus = new LongAdder[500];

    /** All counts zero. */
    public HttpMetrics() {
        for (int i = 0; i < responsesByStatus.length; i++) {
            responsesByStatus[i] = new LongAdder();
        }
    }

    void responded(int status) {
        responsesByStatus[status - LOWEST_STATUS].increment();
    }

    /** Status to count for every status seen, ascending. */
    public Map<Integer, Long> responsesByStatus() {
        Map<Integer, Long> snapshot = new TreeMap<>();
        for (int i = 0; i < responsesByStatus.length; i++) {
            long count = responsesByStatus[i].sum();
            if (count > 0) {
                snapshot.put(i + LOWEST_STATUS, count);
            }
        }
        return snapshot;
    }

    /** Zeroes every count. */
    public void reset() {
        for (LongAdder adder : responsesByStatus) {
            adder.reset();
        }
    }
}
