/**
 * Micrometer metrics for qbauth. {@link io.qbauth.adapter.metrics.micrometer.QbAuthMetrics} is the entry point;
 * {@link io.qbauth.adapter.metrics.micrometer.QbAuthMetricsOptions} and
 * {@link io.qbauth.adapter.metrics.micrometer.QbAuthMetricNames} configure it. The other classes are internal: the
 * transport and client decorators, the event listener, the pre-bound meters and the bounded tag values.
 */
package io.qbauth.adapter.metrics.micrometer;
