package io.qbauth.loadtest.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.qbauth.QbAuth;
import io.qbauth.adapter.metrics.micrometer.QbAuthMetrics;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * One Prometheus registry for the whole run. Each SDK client is instrumented with {@link QbAuthMetrics}, tagged
 * {@code client.name=<client>} (e.g. {@code sdk-jdk}) so two transports under load at once stay apart.
 */
public final class SdkMetrics {

    /** The tag that tells the clients under load apart. */
    public static final String CLIENT_TAG = "client.name";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    /** Applied last to every SDK client builder of {@code client}: the qbauth meters, tagged with the client. */
    public UnaryOperator<QbAuth.Builder> forClient(String client) {
        Tags tags = Tags.of(CLIENT_TAG, client);
        return builder -> QbAuthMetrics.instrument(builder, registry, tags);
    }

    /** Per SDK client: sessions created (re-created after expiry), callers that joined a creation in flight. */
    public List<String> summaryLines(List<String> clients) {
        return clients.stream().filter(client -> client.startsWith("sdk-"))
                .map(client -> String.format(Locale.ROOT, "SDK metrics %s (warm-up included): %.0f sessions created "
                                + "(%.0f re-created after expiry), %.0f callers joined a creation in flight", client,
                        count("qbauth.session.creations", client), count("qbauth.session.recreations", client),
                        count("qbauth.session.flight.joins", client)))
                .toList();
    }

    /** The registry in the Prometheus text format. */
    public String scrape() {
        return registry.scrape();
    }

    private double count(String name, String client) {
        return registry.find(name).tag(CLIENT_TAG, client).counters().stream().mapToDouble(Counter::count).sum();
    }
}
