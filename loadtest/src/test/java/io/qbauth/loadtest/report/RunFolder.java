package io.qbauth.loadtest.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/** Gatling's folder of one run ({@code <results>/<simulation>-<timestamp>/}), where our outputs go too. */
public final class RunFolder {

    /** The text summary's file name. */
    public static final String SUMMARY = "qbauth-summary.txt";
    /** The SDK's Prometheus scrape's file name. */
    public static final String SCRAPE = "qbauth-sdk-metrics.prom";

    private RunFolder() {
    }

    /**
     * The run folder the Gatling Maven plugin just recorded in {@code lastRun.txt} (the names of the folders its run
     * created, then any error), else the newest one. Empty when the recorded run created no folder.
     */
    public static Optional<Path> lastRun(Path results) {
        Path record = results.resolve("lastRun.txt");
        if (!Files.exists(record)) {
            return latest(results);
        }
        try {
            return Files.readAllLines(record).stream()
                    .map(String::strip)
                    .filter(name -> !name.isEmpty() && !name.contains(":") && !name.contains("/"))
                    .map(results::resolve)
                    .filter(Files::isDirectory)
                    .findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + record, e);
        }
    }

    /** The newest run folder under {@code results}: Gatling creates it when the run starts. */
    public static Optional<Path> latest(Path results) {
        if (!Files.isDirectory(results)) {
            return Optional.empty();
        }
        try (Stream<Path> children = Files.list(results)) {
            return children.filter(Files::isDirectory)
                    .filter(dir -> Files.exists(dir.resolve("simulation.log")))
                    .max(Comparator.comparing(RunFolder::lastModified));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + results, e);
        }
    }

    private static long lastModified(Path path) {
        try {
            return Files.getLastModifiedTime(path).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
