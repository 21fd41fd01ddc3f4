package io.qbauth.loadtest.driver;

import io.qbauth.loadtest.server.AppCredentials;
import io.qbauth.loadtest.server.UserAccount;
import io.qbauth.config.TransportConfig;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The baseline: the same QuickBlox calls made by hand over one shared {@code java.net.http.HttpClient}, set up as
 * the SDK's JDK transport sets up its own (HTTP/1.1, no redirects, the SDK's default connect and request timeouts,
 * internal tasks on virtual threads), so the difference between this client and {@code sdk-jdk} is the SDK's own
 * work.
 */
public final class RawDriver implements Driver {

    /** The client name in the report. */
    public static final String NAME = "raw";

    private final Duration staleMargin;
    private final boolean herd;
    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("loadtest-raw-http-", 0).factory());
    private final HttpClient http;

    /**
     * @param staleMargin a session with less time left than this is re-created before use (the SDK's stale margin)
     * @param herd        harness self-test only: every caller that finds the session stale creates its own, so the
     *                    single-flight check can be seen to fail
     */
    public RawDriver(Duration staleMargin, boolean herd) {
        this.herd = herd;
        this.staleMargin = Objects.requireNonNull(staleMargin, "staleMargin");
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(TransportConfig.DEFAULT_CONNECT_TIMEOUT)
                .executor(executor)
                .build();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Agent newAgent(AppCredentials app) {
        RawHttp raw = new RawHttp(http, app.baseUrl(), TransportConfig.DEFAULT_REQUEST_TIMEOUT);
        return new RawAgent(raw, app, staleMargin, herd);
    }

    /** One raw agent per user: each keeps one session by hand, all on the one {@code HttpClient}. */
    @Override
    public List<Agent> userAgents(AppCredentials app, List<UserAccount> users) {
        return users.stream().map(user -> newAgent(app)).toList();
    }

    @Override
    public void close() {
        http.close();
        executor.close();
    }

    @Override
    public String toString() {
        return "RawDriver[" + http + "]";
    }
}
