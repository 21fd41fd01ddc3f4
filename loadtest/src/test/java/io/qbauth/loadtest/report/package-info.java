/**
 * The end-of-run outputs beside Gatling's HTML report: the one-screen text summary per request, the single-flight
 * verdicts, the SDK's Prometheus scrape, and the printer that shows them once Gatling is done.
 */
package io.qbauth.loadtest.report;
