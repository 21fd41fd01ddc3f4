/**
 * Micrometer metrics for qbauth: a transport decorator that times every HTTP exchange, and a listener that turns the
 * client's events into operation and session-creation timers and lifecycle counters; and observations (traces) of
 * every operation, session acquisition and creation, HTTP exchange and replay. Micrometer's registries
 * (Prometheus, OTLP, ...) are the application's choice.
 */
module io.qbauth.metrics {
    requires transitive io.qbauth.core;
    requires transitive micrometer.core;
    requires transitive micrometer.observation;
    requires transitive micrometer.commons;

    exports io.qbauth.adapter.metrics.micrometer;
}
