/**
 * Micrometer metrics for qbauth: decorators that time every client operation and HTTP exchange, and a listener that
 * counts session lifecycle events. Micrometer's registries (Prometheus, OTLP, ...) are the application's choice.
 */
module io.qbauth.metrics {
    requires transitive io.qbauth.core;
    requires transitive micrometer.core;

    exports io.qbauth.adapter.metrics.micrometer;
}
