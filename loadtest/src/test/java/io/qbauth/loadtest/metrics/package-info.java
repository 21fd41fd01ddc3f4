/**
 * The SDK's own view of the run: every SDK client under load is instrumented with {@code auth-metrics} into one
 * Prometheus registry, scraped into the report folder at the end.
 */
package io.qbauth.loadtest.metrics;
