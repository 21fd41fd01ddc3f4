package io.qbauth.adapter.metrics.micrometer.example;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.qbauth.QbAuth;
import io.qbauth.QbAuthClient;
import io.qbauth.adapter.metrics.micrometer.QbAuthMetrics;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * How an application exports the qbauth metrics to Prometheus: a {@link PrometheusMeterRegistry}, the one-line
 * {@link QbAuthMetrics#instrument}, and the registry's {@code scrape()} served at {@code /metrics} (here with the
 * JDK's HTTP server; in a real service, your framework's endpoint).
 *
 * <pre>{@code
 * java ... PrometheusExample https://api.quickblox.com 12345 <authKey> <authSecret>
 * curl http://127.0.0.1:<port>/metrics
 * }</pre>
 */
public final class PrometheusExample implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(PrometheusExample.class.getName());
    private static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;
    private final QbAuthClient client;
    private final HttpServer server;

    private PrometheusExample(PrometheusMeterRegistry registry, QbAuthClient client, HttpServer server) {
        this.registry = registry;
        this.client = client;
        this.server = server;
    }

    /**
     * Instruments {@code builder} with a new Prometheus registry shaped by {@code filters} (added before any meter
     * exists, as Micrometer requires), builds the client and serves {@code /metrics} on 127.0.0.1 and a free port.
     */
    public static PrometheusExample start(QbAuth.Builder builder, MeterFilter... filters) throws IOException {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)
                .throwExceptionOnRegistrationFailure();
        for (MeterFilter filter : filters) {
            registry.config().meterFilter(filter);
        }
        QbAuthClient client = QbAuthMetrics.instrument(builder, registry).build();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/metrics", exchange -> serve(exchange, registry));
        server.start();
        return new PrometheusExample(registry, client, server);
    }

    /** The instrumented client. */
    public QbAuthClient client() {
        return client;
    }

    /** The registry behind {@code /metrics}. */
    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** Where Prometheus scrapes, e.g. {@code http://127.0.0.1:<port>/metrics}. */
    public URI metricsUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/metrics");
    }

    @Override
    public void close() {
        server.stop(0);
        client.close();
        registry.close();
    }

    private static void serve(HttpExchange exchange, PrometheusMeterRegistry registry) throws IOException {
        try (exchange) {
            byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", TEXT_FORMAT);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /**
     * Percentile histogram buckets on every qbauth timer, so {@code histogram_quantile} can aggregate latencies
     * across instances (about 70 {@code _bucket} series per tag combination; off by default).
     */
    public static MeterFilter qbauthPercentileHistograms() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                return id.getType() == Meter.Type.TIMER && id.getName().startsWith("qbauth.")
                        ? DistributionStatisticConfig.builder().percentilesHistogram(true).build().merge(config)
                        : config;
            }
        };
    }

    /** Arguments: endpoint, application id, auth key, auth secret. Serves until the process is stopped. */
    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            LOG.log(System.Logger.Level.ERROR,
                    "usage: PrometheusExample <endpoint> <applicationId> <authKey> <authSecret>");
            return;
        }
        QbAuth.Builder builder = QbAuth.builder().endpoint(URI.create(args[0]))
                .applicationId(Long.parseLong(args[1])).authKey(args[2]).authSecret(args[3]);
        try (PrometheusExample example = start(builder, qbauthPercentileHistograms())) {
            example.client().blocking().createApplicationSession();
            LOG.log(System.Logger.Level.INFO, "metrics at {0}", example.metricsUri());
            Thread.currentThread().join();
        }
    }
}
