package io.qbauth.e2e.fleet.process;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one member reported for one command: the fingerprint of the token it held per identity (for {@code round}),
 * its successful calls, its failed calls by exception type, how long the command took and its slowest call.
 *
 * @param instance the member
 * @param tokens   identity number → token fingerprint ({@code -} for none); empty for {@code load}
 * @param ok       successful calls
 * @param errors   failed calls by exception simple name ({@code HTTP<status>} for a non-200 reply, {@code Hang} for
 *                 a call that outlived its timeout)
 * @param millis   how long the command ran
 * @param slowest  the slowest call, in milliseconds
 */
record RoundReport(int instance, Map<Integer, String> tokens, long ok, Map<String, Long> errors, long millis,
                   long slowest) {

    /** Parses the lines a member wrote for one command id (TOKEN lines, then the DONE line). */
    static RoundReport parse(int instance, List<String> lines) {
        Map<Integer, String> tokens = new TreeMap<>();
        Map<String, Long> errors = new TreeMap<>();
        long ok = -1;
        long millis = -1;
        long slowest = -1;
        for (String line : lines) {
            String[] words = line.split(" ");
            if (words[0].equals("TOKEN")) {
                tokens.put(Integer.parseInt(words[2]), words[3]);
            } else if (words[0].equals("DONE")) {
                for (int i = 2; i < words.length; i++) {
                    String[] kv = words[i].split("=", 2);
                    switch (kv[0]) {
                        case "ok" -> ok = Long.parseLong(kv[1]);
                        case "ms" -> millis = Long.parseLong(kv[1]);
                        case "slowest" -> slowest = Long.parseLong(kv[1]);
                        case "errors" -> {
                            if (!kv[1].equals("-")) {
                                for (String kind : kv[1].split(",")) {
                                    String[] tn = kind.split(":");
                                    errors.put(tn[0], Long.parseLong(tn[1]));
                                }
                            }
                        }
                        default -> throw new IllegalStateException("member " + instance + " failed: " + line);
                    }
                }
            }
        }
        if (ok < 0) {
            throw new IllegalStateException("member " + instance + " reported no calls: " + lines);
        }
        return new RoundReport(instance, tokens, ok, errors, millis, slowest);
    }

    /** Failed calls, all types. */
    long failed() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }
}
