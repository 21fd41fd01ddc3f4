package io.qbauth.emulator.cli;

import io.qbauth.emulator.QbEmulator;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/** {@code java -jar auth-emulator.jar}: parses the flags, starts the emulator, runs until the JVM is stopped. */
public final class EmulatorMain {

    /** Exit code of a clean run or {@code --help}. */
    static final int EXIT_OK = 0;
    /** Exit code when the server cannot start (e.g. the port is taken). */
    static final int EXIT_START_FAILED = 1;
    /** Exit code of a bad command line. */
    static final int EXIT_USAGE = 2;

    private EmulatorMain() {
    }

    /** Entry point. */
    public static void main(String[] args) {
        int exitCode = run(args, System.out, System.err, EmulatorMain::runUntilShutdown);
        if (exitCode != EXIT_OK) {
            System.exit(exitCode);
        }
    }

    /**
     * Parses {@code args} and, unless they ask for help or are wrong, starts an emulator, announces it on
     * {@code out} and hands it to {@code whileRunning}.
     *
     * @return the process exit code
     */
    static int run(String[] args, PrintStream out, PrintStream err, Consumer<QbEmulator> whileRunning) {
        CommandLineOptions options;
        try {
            options = CommandLineOptions.parse(args);
        } catch (UsageException e) {
            err.println("auth-emulator: " + e.getMessage());
            err.println("Run with --help for the options.");
            return EXIT_USAGE;
        }
        if (options.help()) {
            out.print(CommandLineOptions.USAGE);
            return EXIT_OK;
        }
        QbEmulator emulator;
        try {
            emulator = options.toBuilder().start();
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println("auth-emulator: cannot start: " + e.getMessage());
            return EXIT_START_FAILED;
        }
        out.println("listening on " + emulator.baseUrl());
        if (emulator.controlToken().isPresent() && options.controlToken() == null) {
            out.println("control token: " + emulator.controlToken().get());
        }
        out.flush();
        if (!isLoopback(options.host())) {
            err.println("auth-emulator: WARNING: bound to " + options.host() + ", which is not loopback: anyone who can"
                    + " reach this port can use the emulator. The /_emulator/ endpoints require the control token"
                    + " (Authorization: Bearer TOKEN or X-Emulator-Token: TOKEN).");
            err.flush();
        }
        whileRunning.accept(emulator);
        return EXIT_OK;
    }

    private static boolean isLoopback(String host) {
        String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        try {
            return InetAddress.getByName(name).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static void runUntilShutdown(QbEmulator emulator) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "auth-emulator-shutdown"));
        boolean interrupted = false;
        while (stopped.getCount() > 0) {
            try {
                stopped.await();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
