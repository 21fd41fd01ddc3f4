package io.qbauth.loadtest.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Prints the last run's summary, and where its HTML report and SDK metrics scrape are, after Gatling has finished
 * (the Maven build runs it right after the simulation). Printing is its whole job.
 */
public final class SummaryMain {

    private SummaryMain() {
    }

    /** {@code args[0]}: Gatling's results folder (default {@code target/gatling}). */
    public static void main(String[] args) throws IOException {
        Path results = Path.of(args.length > 0 ? args[0] : "target/gatling");
        Optional<Path> run = RunFolder.lastRun(results);
        if (run.isEmpty()) {
            System.out.println("qbauth loadtest: the simulation left no run folder under " + results.toAbsolutePath()
                    + " (it failed before starting: see the errors above)");
            return;
        }
        Path folder = run.get().toAbsolutePath();
        Path summary = folder.resolve(RunFolder.SUMMARY);
        System.out.println();
        System.out.println(Files.exists(summary)
                ? Files.readString(summary)
                : "qbauth loadtest: the run wrote no summary (" + summary + ")");
        Path report = folder.resolve("index.html");
        System.out.println("HTML report:      " + (Files.exists(report) ? report.toUri() : "not generated"));
        Path scrape = folder.resolve(RunFolder.SCRAPE);
        System.out.println("SDK metrics:      " + (Files.exists(scrape) ? scrape : "none (see loadtest/README.md)"));
    }
}
