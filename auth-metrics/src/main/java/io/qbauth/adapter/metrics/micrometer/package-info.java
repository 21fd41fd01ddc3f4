/**
 * Micrometer metrics for qbauth. {@link io.qbauth.adapter.metrics.micrometer.QbAuthMetrics} is the entry point and
 * names the meters; Micrometer's {@code MeterFilter} renames, denies or shapes them. The other classes are
 * internal: the transport decorator, the event listener, the pre-bound meters and the bounded tag values.
 */
package io.qbauth.adapter.metrics.micrometer;
