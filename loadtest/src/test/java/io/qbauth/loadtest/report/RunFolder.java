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
