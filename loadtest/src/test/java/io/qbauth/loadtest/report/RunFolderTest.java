package io.qbauth.loadtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFolderTest {

    @TempDir
    Path results;

    private Path run(String name, long modified) throws IOException {
        Path dir = Files.createDirectories(results.resolve(name));
        Files.writeString(dir.resolve("simulation.log"), "");
        Files.setLastModifiedTime(dir, FileTime.fromMillis(modified));
        return dir;
    }

    @Test
    void prefersTheFolderThePluginRecordedOverTheNewest() throws IOException {
        Path recorded = run("sim-1", 1_000);
        run("sim-2", 2_000);
        Files.writeString(results.resolve("lastRun.txt"),
                "sim-1\nExecutionError: Gatling simulation assertions failed!\n");

        assertThat(RunFolder.lastRun(results)).contains(recorded);
    }

    @Test
    void aRecordedRunWithoutFolderIsNoneAndWithoutRecordTheNewestIsTaken() throws IOException {
        Path newest = run("sim-2", 2_000);
        run("sim-1", 1_000);

        assertThat(RunFolder.lastRun(results)).contains(newest);
        Files.writeString(results.resolve("lastRun.txt"), "ExecutionError: Gatling failed.\n");
        assertThat(RunFolder.lastRun(results)).isEmpty();
    }
}
