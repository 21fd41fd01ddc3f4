package io.qbauth.e2e.secrets;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Captures every log record of the JVM while installed: a handler at ALL on the root logger, the root and
 * {@code io.qbauth} loggers at ALL ({@code System.Logger} goes to java.util.logging by default, DEBUG and TRACE
 * included). Each record is kept fully rendered: logger, formatted message with its parameters, and the stack trace
 * of any throwable. {@link #close()} restores the levels.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    private static final Formatter MESSAGES = new SimpleFormatter();

    private final List<String> records = new CopyOnWriteArrayList<>();
    private final List<String> loggers = new CopyOnWriteArrayList<>();
    private final Logger root = Logger.getLogger("");
    private final Logger qbauth = Logger.getLogger("io.qbauth");
    private final Level rootLevel = root.getLevel();
    private final Level qbauthLevel = qbauth.getLevel();

    private LogCapture() {
        setLevel(Level.ALL);
    }

    /** Installs a capture; close it to restore the levels. */
    public static LogCapture install() {
        LogCapture capture = new LogCapture();
        capture.root.addHandler(capture);
        capture.root.setLevel(Level.ALL);
        capture.qbauth.setLevel(Level.ALL);
        return capture;
    }

    @Override
    public void publish(LogRecord record) {
        StringBuilder text = new StringBuilder().append(record.getLevel()).append(' ')
                .append(record.getLoggerName()).append(": ").append(MESSAGES.formatMessage(record));
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            text.append('\n').append(trace);
        }
        records.add(text.toString());
        loggers.add(String.valueOf(record.getLoggerName()));
    }

    /** Every record so far. */
    public List<String> records() {
        return List.copyOf(records);
    }

    /** How many records came from the SDK's own loggers ({@code io.qbauth} outside the emulator). */
    long sdkRecords() {
        return loggers.stream().filter(name -> name.startsWith("io.qbauth.") && !name.startsWith("io.qbauth.emulator"))
                .count();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        root.removeHandler(this);
        root.setLevel(rootLevel);
        qbauth.setLevel(qbauthLevel);
    }
}
