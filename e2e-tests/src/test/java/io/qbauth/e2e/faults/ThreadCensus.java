package io.qbauth.e2e.faults;

import java.util.Map;
import java.util.TreeMap;

/**
 * Live platform threads counted by family: the name with its numbers removed ({@code vert.x-eventloop-thread-3} is
 * family {@code vert.x-eventloop-thread-#}). Virtual threads are not listed by the JVM and are not counted.
 */
record ThreadCensus(Map<String, Integer> families) {

    static ThreadCensus now() {
        Map<String, Integer> families = new TreeMap<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.isAlive() && !thread.isVirtual()) {
                families.merge(family(thread.getName()), 1, Integer::sum);
            }
        }
        return new ThreadCensus(families);
    }

    /** The families with more threads than in {@code baseline}, and by how many. */
    Map<String, Integer> grownSince(ThreadCensus baseline) {
        Map<String, Integer> grown = new TreeMap<>();
        families.forEach((family, count) -> {
            int before = baseline.families.getOrDefault(family, 0);
            if (count > before) {
                grown.put(family, count - before);
            }
        });
        return grown;
    }

    int total() {
        return families.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static String family(String name) {
        return name.replaceAll("\\d+", "#");
    }
}
