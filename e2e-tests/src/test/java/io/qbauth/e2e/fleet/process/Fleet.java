package io.qbauth.e2e.fleet.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.e2e.support.QuickBloxFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Several member JVMs started together (in parallel: a JVM start is mostly waiting), and the commands the tests send
 * to all of them at once. Closing it quits every member (killing those that do not quit).
 */
final class Fleet implements AutoCloseable {

    /** How long one round of calls over every identity may take on every member. */
    static final Duration ROUND_BOUND = Duration.ofSeconds(60);

    private final List<MemberProcess> members;

    private Fleet(List<MemberProcess> members) {
        this.members = members;
    }

    /** Starts {@code size} members, {@code spec.apply(i)} for member {@code i}, and waits until all are ready. */
    static Fleet start(int size, IntFunction<MemberSpec> spec, Path logDir) {
        List<MemberProcess> members = new ArrayList<>();
        long start = System.nanoTime();
        try {
            for (int i = 0; i < size; i++) {
                members.add(MemberProcess.start(spec.apply(i), QuickBloxFixture.AUTH_SECRET, logDir));
            }
            members.forEach(MemberProcess::awaitReady);
            System.out.println("fleet of " + size + " JVMs ready in " + millisSince(start) + " ms");
            return new Fleet(members);
        } catch (RuntimeException | Error e) {
            members.forEach(MemberProcess::close);
            throw e;
        }
    }

    List<MemberProcess> members() {
        return members;
    }

    MemberProcess member(int i) {
        return members.get(i);
    }

    /** One call per identity on every live member at once; a report per member. */
    List<RoundReport> round() {
        return everywhere(members.stream().filter(MemberProcess::isAlive).toList(), "round");
    }

    /** One call per identity numbered {@code from} to {@code to - 1} on every live member at once. */
    List<RoundReport> round(int from, int to) {
        return everywhere(members.stream().filter(MemberProcess::isAlive).toList(), "round", from, to);
    }

    /**
     * Waits until every live member's store answers an operation (Redis back, the connection re-made), polling;
     * fails after {@code bound}.
     */
    void awaitReachable(Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        for (MemberProcess member : members.stream().filter(MemberProcess::isAlive).toList()) {
            while (!status(member).get("reachable").equals("true")) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(member + " does not reach Redis after " + bound + "\n"
                            + member.logTail());
                }
                sleep(Duration.ofMillis(200));
            }
        }
    }

    /** A member's {@code status} answer, as name → value. */
    static Map<String, String> status(MemberProcess member) {
        List<String> lines = member.call(Duration.ofSeconds(10), "status");
        Map<String, String> values = new HashMap<>();
        String[] words = lines.getLast().split(" ");
        for (int i = 2; i < words.length; i++) {
            String[] kv = words[i].split("=", 2);
            values.put(kv[0], kv[1]);
        }
        return values;
    }

    /**
     * The fleet events a member's client published so far, by type ({@code SharedStoreUnavailable},
     * {@code SharedStoreRecovered}) and outcome ({@code FleetSessionAcquired.CREATED}, {@code .JOINED}, ...).
     */
    static Map<String, Long> events(MemberProcess member) {
        Map<String, Long> counts = new HashMap<>();
        String events = status(member).get("events");
        if (!events.equals("-")) {
            for (String entry : events.split(",")) {
                String[] kv = entry.split(":");
                counts.put(kv[0], Long.parseLong(kv[1]));
            }
        }
        return counts;
    }

    /** The sum over every live member of its count of event {@code type}. */
    long eventTotal(String type) {
        return members.stream().filter(MemberProcess::isAlive)
                .mapToLong(m -> events(m).getOrDefault(type, 0L)).sum();
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Calls on random identities for {@code duration} on every live member at once. */
    List<RoundReport> load(Duration duration) {
        return everywhere(members.stream().filter(MemberProcess::isAlive).toList(), "load", duration.toMillis());
    }

    /** Runs {@code verb args} on each of {@code on} at once and waits for every report. */
    static List<RoundReport> everywhere(List<MemberProcess> on, String verb, Object... args) {
        long start = System.nanoTime();
        List<String> ids = on.stream().map(m -> m.begin(verb, args)).toList();
        List<RoundReport> reports = new ArrayList<>();
        for (int i = 0; i < on.size(); i++) {
            reports.add(RoundReport.parse(on.get(i).instance(), on.get(i).await(ids.get(i), ROUND_BOUND)));
        }
        System.out.println(verb + " on " + on.size() + " JVMs: " + millisSince(start) + " ms");
        return reports;
    }

    /**
     * Asserts that every report holds one and the same token per identity across members (and a token at all);
     * returns the fingerprints per identity.
     */
    static Map<Integer, String> assertSameTokenEverywhere(List<RoundReport> reports) {
        Map<Integer, Set<String>> byIdentity = new HashMap<>();
        for (RoundReport report : reports) {
            report.tokens().forEach((identity, token) ->
                    byIdentity.computeIfAbsent(identity, k -> new HashSet<>()).add(token));
        }
        Map<Integer, String> agreed = new HashMap<>();
        List<Integer> split = new ArrayList<>();
        byIdentity.forEach((identity, tokens) -> {
            if (tokens.size() == 1 && !tokens.contains("-")) {
                agreed.put(identity, tokens.iterator().next());
            } else {
                split.add(identity);
            }
        });
        assertThat(split).as("identities whose members hold different tokens (or none)").isEmpty();
        return agreed;
    }

    /** Asserts that no call failed on any member. */
    static void assertNoFailure(List<RoundReport> reports) {
        for (RoundReport report : reports) {
            assertThat(report.errors()).as("failed calls on member %d", report.instance()).isEmpty();
            assertThat(report.ok()).as("successful calls on member %d", report.instance()).isPositive();
        }
    }

    @Override
    public void close() {
        long start = System.nanoTime();
        members.parallelStream().forEach(MemberProcess::close);
        System.out.println("fleet of " + members.size() + " JVMs closed in " + millisSince(start) + " ms");
    }

    static long millisSince(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
    }
}
