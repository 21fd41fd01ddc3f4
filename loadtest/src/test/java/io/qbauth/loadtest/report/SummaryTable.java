package io.qbauth.loadtest.report;

import io.qbauth.loadtest.gatling.CallStats;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Formats the per-request figures and the verdict lines as one screen of text. */
public final class SummaryTable {

    private static final String ROW = "%-40s %7s %7s %7s %7s %7s %7s%n";

    private SummaryTable() {
    }

    /**
     * @param title    the first line
     * @param requests figures per request path
     * @param notes    lines printed under the table (settings, single-flight verdicts)
     */
    public static String format(String title, Map<String, CallStats.Summary> requests, List<String> notes) {
        StringBuilder text = new StringBuilder();
        text.append(title).append('\n');
        text.append(String.format(Locale.ROOT, ROW, "request", "count", "ok %", "p50 ms", "p95 ms", "p99 ms",
                "rps"));
        requests.forEach((path, s) -> text.append(String.format(Locale.ROOT, ROW, path, s.count(),
                String.format(Locale.ROOT, "%.2f", s.okPercent()), s.p50Millis(), s.p95Millis(), s.p99Millis(),
                s.count() < 2 ? "-" : String.format(Locale.ROOT, "%.1f", s.rps()))));
        notes.forEach(note -> text.append(note).append('\n'));
        return text.toString();
    }
}
