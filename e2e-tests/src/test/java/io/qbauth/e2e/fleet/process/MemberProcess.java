package io.qbauth.e2e.fleet.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * The test's handle on one member JVM ({@link FleetMemberMain}): started with the test JVM's own {@code java} and
 * class path and small JVM flags, its stdout read line by line (each line kept with the time it arrived), its stderr
 * in a log file. Every wait is bounded; {@link #close()} asks it to quit and kills it if it does not.
 */
final class MemberProcess implements AutoCloseable {

    /** How long a member may take to start (a JVM on a loaded 2-core machine). */
    static final Duration START_BOUND = Duration.ofSeconds(60);

    private static final List<String> JVM_FLAGS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-Xss256k", "-Xmx128m", "-XX:CICompilerCount=1", "-Xshare:auto");
    private static final AtomicInteger IDS = new AtomicInteger();

    private final MemberSpec spec;
    private final Process process;
    private final Path log;
    private final Writer stdin;
    private final List<String> lines = new ArrayList<>();
    private final List<Long> arrivals = new ArrayList<>();
    private volatile boolean outputEnded;

    private MemberProcess(MemberSpec spec, Process process, Path log) {
        this.spec = spec;
        this.process = process;
        this.log = log;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread.ofPlatform().daemon().name("member-" + spec.instance() + "-stdout").start(this::readReports);
    }

    /** Starts a member and waits (at most {@link #START_BOUND}) until it says READY. */
    static MemberProcess start(MemberSpec spec, String authSecret, Path logDir) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        command.addAll(JVM_FLAGS);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(FleetMemberMain.class.getName());
        command.addAll(spec.arguments());
        Path log = logDir.resolve("member-" + spec.instance() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(spec.environment(authSecret));
        Process process;
        try {
            Files.createDirectories(logDir);
            Files.deleteIfExists(log);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChildProcesses.track(process);
        return new MemberProcess(spec, process, log);
    }

    /** Waits until the member said READY; fails with its log otherwise. */
    void awaitReady() {
        if (awaitLine(line -> line.startsWith("READY "), 0, START_BOUND).isEmpty()) {
            throw new AssertionError(spec + " did not start within " + START_BOUND + "\n" + logTail());
        }
    }

    MemberSpec spec() {
        return spec;
    }

    int instance() {
        return spec.instance();
    }

    /** Sends {@code verb <id> args...}; returns the id whose DONE line {@link #await} waits for. */
    String begin(String verb, Object... args) {
        String id = verb + IDS.incrementAndGet();
        StringBuilder line = new StringBuilder(verb).append(' ').append(id);
        for (Object arg : args) {
            line.append(' ').append(arg);
        }
        send(line.toString());
        return id;
    }

    /** The lines of command {@code id}, up to its DONE line, which must come within {@code bound}. */
    List<String> await(String id, Duration bound) {
        String done = "DONE " + id;
        if (awaitLine(line -> line.equals(done) || line.startsWith(done + " "), 0, bound).isEmpty()) {
            throw new AssertionError(spec + " did not finish " + id + " within " + bound + "\n" + logTail());
        }
        synchronized (lines) {
            return lines.stream().filter(l -> l.split(" ").length > 1 && l.split(" ")[1].equals(id)).toList();
        }
    }

    /** Runs one command to its end, within {@code bound}. */
    List<String> call(Duration bound, String verb, Object... args) {
        return await(begin(verb, args), bound);
    }

    /**
     * Waits until a line from index {@code from} on matches; returns the {@link System#nanoTime()} at which it
     * arrived, empty if none within {@code bound}.
     */
    OptionalLong awaitLine(Predicate<String> matching, int from, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        synchronized (lines) {
            int i = from;
            while (true) {
                for (; i < lines.size(); i++) {
                    if (matching.test(lines.get(i))) {
                        return OptionalLong.of(arrivals.get(i));
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || (!process.isAlive() && i >= lines.size() && outputEnded)) {
                    return OptionalLong.empty();
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lines, Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return OptionalLong.empty();
                }
            }
        }
    }

    /** How many lines the member has written so far (a starting index for {@link #awaitLine}). */
    int lineCount() {
        synchronized (lines) {
            return lines.size();
        }
    }

    /** Every line written so far. */
    List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL, as {@code kill -9} would; waits (bounded) until it is gone. */
    void kill9() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new AssertionError(spec + " survived SIGKILL for 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The end of the member's log (stderr), for failure messages. */
    String logTail() {
        try {
            List<String> all = Files.exists(log) ? Files.readAllLines(log) : List.of();
            return "--- " + log + " (last lines) ---\n"
                    + String.join("\n", all.subList(Math.max(0, all.size() - 40), all.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Asks the member to quit; kills it when it has not within 10 s. */
    @Override
    public void close() {
        try {
            if (process.isAlive()) {
                send("quit");
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        } catch (RuntimeException e) {
            process.destroyForcibly();
        }
    }

    private void send(String line) {
        try {
            synchronized (stdin) {
                stdin.write(line + "\n");
                stdin.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(spec + " is not listening (" + (process.isAlive() ? "alive" : "gone")
                    + ")\n" + logTail(), e);
        }
    }

    private void readReports() {
        Path copy = log.resolveSibling("member-" + spec.instance() + ".out");
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
             Writer kept = Files.newBufferedWriter(copy, StandardCharsets.UTF_8)) {
            String line;
            while ((line = out.readLine()) != null) {
                kept.write(line + "\n");
                kept.flush();
                synchronized (lines) {
                    lines.add(line);
                    arrivals.add(System.nanoTime());
                    lines.notifyAll();
                }
            }
        } catch (IOException e) {
            // the member is gone: its lines so far stay
        } finally {
            synchronized (lines) {
                outputEnded = true;
                lines.notifyAll();
            }
        }
    }

    @Override
    public String toString() {
        return spec.toString();
    }
}
