package io.qbauth.testkit.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real {@code redis-server} for a test class (a static field) or for each test (an instance field): started as a child process on a free loopback port in a temporary
 * directory, with persistence off ({@code --save '' --appendonly no}), and stopped after the class. Never a fixed
 * port, never a system service. It can be stopped, killed with SIGKILL and started again on the same port.
 * When no {@code redis-server} is installed the test fails (CI installs it: .ci/run); it never skips.
 *
 * <p>Outside JUnit (a load test, a benchmark's {@code main}), {@link #startStandalone()} starts one and
 * {@link #close()} stops it and deletes its directory.
 */
public final class RedisServerProcess implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, AutoCloseable {

    private final ReentrantLock lock = new ReentrantLock();
    private final String password;
    private Path dir;
    private int port;
    private Process process;
    private boolean perTest;

    /** A server without a password. */
    public RedisServerProcess() {
        this(null);
    }

    /** A server that requires {@code password} ({@code requirepass}). */
    public RedisServerProcess(String password) {
        this.password = password;
    }

    /**
     * A server started now, for code that JUnit does not run: on a free loopback port in a new temporary directory,
     * without a password, answering PING when this returns. Stop it with {@link #close()}.
     *
     * @throws IllegalStateException when {@code redis-server} is not installed or does not start within 10 s
     */
    public static RedisServerProcess startStandalone() throws IOException, InterruptedException {
        RedisServerProcess server = new RedisServerProcess();
        server.setUp();
        return server;
    }

    /**
     * Stops the server and deletes its directory; idempotent (JUnit's callbacks do the same for a test). Interrupted
     * while waiting for the server to end, it kills it (SIGKILL) and keeps the interrupt.
     */
    @Override
    public void close() throws IOException {
        lock.lock(); // not synchronized: the SDK rule against monitors (virtual threads) holds here too
        try {
            if (dir == null) {
                return;
            }
            try {
                tearDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                if (process != null) {
                    process.destroyForcibly();
                }
            } finally {
                dir = null;
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        setUp();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        tearDown();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        if (dir == null) { // an instance field: a server for this test only
            perTest = true;
            setUp();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (perTest) {
            tearDown();
            dir = null;
        }
    }

    private void setUp() throws IOException, InterruptedException {
        dir = Files.createTempDirectory("qbauth-redis-");
        port = freePort();
        try {
            start();
        } catch (IOException | InterruptedException | RuntimeException e) {
            tearDown();
            dir = null;
            throw e;
        }
    }

    private void tearDown() throws IOException, InterruptedException {
        stop();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** {@code redis://[:password@]127.0.0.1:port}. */
    public String uri() {
        return "redis://" + (password == null ? "" : ":" + password + "@") + "127.0.0.1:" + port;
    }

    /** The loopback port the server listens on (fixed for this extension's life, across restarts). */
    public int port() {
        return port;
    }

    /** Starts the server on this extension's port and waits (at most 10 s) until it answers PING. */
    public void start() throws IOException, InterruptedException {
        lock.lock(); // not synchronized: the SDK rule against monitors (virtual threads) holds here too
        try {
            if (process != null && process.isAlive()) {
                return;
            }
            List<String> command = new ArrayList<>(List.of(executable(), "--port", Integer.toString(port),
                    "--bind", "127.0.0.1", "--dir", dir.toString(), "--save", "", "--appendonly", "no",
                    "--daemonize", "no"));
            if (password != null) {
                command.addAll(List.of("--requirepass", password));
            }
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("redis.log").toFile())).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!answersPing()) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    throw new IllegalStateException("redis-server did not start on port " + port + ": see "
                            + dir.resolve("redis.log") + "\n" + Files.readString(dir.resolve("redis.log")));
                }
                Thread.sleep(20);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Stops the server (SIGTERM) and waits for it to end. */
    public void stop() throws InterruptedException {
        lock.lock(); // not synchronized: the SDK rule against monitors (virtual threads) holds here too
        try {
            if (process != null) {
                process.destroy();
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Kills the server with SIGKILL, as a crash would, and waits for it to end. */
    public void kill9() throws InterruptedException {
        lock.lock(); // not synchronized: the SDK rule against monitors (virtual threads) holds here too
        try {
            if (process != null) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Sends one inline command and returns the first line of the reply (e.g. {@code +PONG}). */
    public String command(String inline) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            if (password != null) {
                out.write(("AUTH " + password + "\r\n").getBytes(StandardCharsets.UTF_8));
                readLine(socket.getInputStream());
            }
            out.write((inline + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            return readLine(socket.getInputStream());
        }
    }

    /**
     * Calls per command since the server started or {@code CONFIG RESETSTAT}, from {@code INFO commandstats}, by
     * lower-case command name (e.g. {@code evalsha -> 1234}, {@code info -> 1}); this request's own {@code info} and,
     * with a password, {@code auth} are counted too. For measuring the Redis operations a run costs.
     */
    public Map<String, Long> commandCalls() throws IOException {
        String stats = bulk("INFO commandstats");
        Map<String, Long> calls = new TreeMap<>();
        for (String line : stats.split("\r?\n")) {
            // cmdstat_evalsha:calls=12,usec=345,usec_per_call=28.75,rejected_calls=0,failed_calls=0
            if (line.startsWith("cmdstat_")) {
                int colon = line.indexOf(':');
                String name = line.substring("cmdstat_".length(), colon);
                for (String field : line.substring(colon + 1).split(",")) {
                    if (field.startsWith("calls=")) {
                        calls.put(name, Long.parseLong(field.substring("calls=".length())));
                    }
                }
            }
        }
        return calls;
    }

    /** Sends one inline command whose reply is a bulk string and returns that string. */
    private String bulk(String inline) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            if (password != null) {
                out.write(("AUTH " + password + "\r\n").getBytes(StandardCharsets.UTF_8));
                readLine(in);
            }
            out.write((inline + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            String header = readLine(in);
            if (!header.startsWith("$")) {
                throw new IOException("expected a bulk reply to " + inline + ", got " + header);
            }
            byte[] body = in.readNBytes(Integer.parseInt(header.substring(1)));
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private boolean answersPing() {
        try {
            return command("PING").equals("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private static String executable() {
        for (String candidate : List.of("/usr/bin/redis-server", "/usr/local/bin/redis-server")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String entry : path.split(":")) {
            Path p = Path.of(entry, "redis-server");
            if (!entry.isEmpty() && Files.isExecutable(p)) {
                return p.toString();
            }
        }
        throw new IllegalStateException("redis-server is not installed (apt-get install redis-server; .ci/run "
                + "installs it): the Redis store tests need a real Redis and never skip");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
