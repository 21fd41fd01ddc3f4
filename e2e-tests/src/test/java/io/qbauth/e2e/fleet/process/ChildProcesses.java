package io.qbauth.e2e.fleet.process;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Kills every member JVM a test started, after the test whatever its outcome (and at JVM exit, should the test JVM
 * stop before): no orphan JVM survives a failed test. {@code destroyForcibly} (SIGKILL) on the member and its
 * descendants, each wait bounded.
 */
final class ChildProcesses implements AfterEachCallback {

    private static final List<Process> LIVE = new ArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ChildProcesses::killAll, "fleet-members-reaper"));
    }

    /** Registers {@code process} to be killed after the current test. */
    static void track(Process process) {
        synchronized (LIVE) {
            LIVE.add(process);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        killAll();
    }

    /** Kills every tracked process still alive; returns how many were. */
    static int killAll() {
        List<Process> all;
        synchronized (LIVE) {
            all = new ArrayList<>(LIVE);
            LIVE.clear();
        }
        int alive = 0;
        for (Process process : all) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            if (process.isAlive()) {
                alive++;
                process.destroyForcibly();
            }
        }
        for (Process process : all) {
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return alive;
    }
}
