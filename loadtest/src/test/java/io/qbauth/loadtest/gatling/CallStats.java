package io.qbauth.loadtest.gatling;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every timed call's outcome and latency, per request path ({@code group / name}), for the end-of-run summary.
 * Thread-safe. Latencies are kept whole (an {@code int} per call), so percentiles are exact; a run makes at most a
 * few hundred thousand calls.
 */
public final class CallStats {

    private final Map<String, Series> series = new ConcurrentHashMap<>();

    /** Records one call. */
    void record(List<String> groups, String requestName, long startMillis, long endMillis, boolean ok) {
        String path = groups.isEmpty() ? requestName : String.join(" / ", groups) + " / " + requestName;
        series.computeIfAbsent(path, key -> new Series()).add(startMillis, endMillis, ok);
    }

    /** A snapshot per request path, in first-seen order of their names. */
    public Map<String, Summary> snapshot() {
        Map<String, Summary> result = new LinkedHashMap<>();
        series.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(entry -> result.put(entry.getKey(), entry.getValue().summary()));
        return result;
    }

    /**
     * One request path's figures.
     *
     * @param count       calls
     * @param ok          calls that succeeded
     * @param p50Millis   median latency, all calls
     * @param p95Millis   95th percentile
     * @param p99Millis   99th percentile
     * @param maxMillis   slowest call
     * @param spanMillis  from the first call's start to the last call's end
     */
    public record Summary(long count, long ok, long p50Millis, long p95Millis, long p99Millis, long maxMillis,
            long spanMillis) {

        /** Successful calls, in percent. */
        public double okPercent() {
            return count == 0 ? 100 : 100.0 * ok / count;
        }

        /** Calls per second over the span. */
        public double rps() {
            return spanMillis <= 0 ? count : count * 1000.0 / spanMillis;
        }
    }

    private static final class Series {
        private int[] latencies = new int[1024];
        private int count;
        private long ok;
        private long firstStart = Long.MAX_VALUE;
        private long lastEnd = Long.MIN_VALUE;

        synchronized void add(long start, long end, boolean success) {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = (int) Math.min(Integer.MAX_VALUE, Math.max(0, end - start));
            if (success) {
                ok++;
            }
            firstStart = Math.min(firstStart, start);
            lastEnd = Math.max(lastEnd, end);
        }

        synchronized Summary summary() {
            int[] sorted = Arrays.copyOf(latencies, count);
            Arrays.sort(sorted);
            return new Summary(count, ok, percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
                    count == 0 ? 0 : sorted[count - 1], count == 0 ? 0 : lastEnd - firstStart);
        }

        /** Nearest-rank percentile. */
        private static long percentile(int[] sorted, double p) {
            if (sorted.length == 0) {
                return 0;
            }
            int rank = (int) Math.ceil(p / 100.0 * sorted.length);
            return sorted[Math.max(0, rank - 1)];
        }
    }
}
