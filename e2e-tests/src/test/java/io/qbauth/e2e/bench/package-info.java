/**
 * Benchmarks (not tests): SDK overhead against a bare HttpClient, the JMH fast path, and retained heap. See the
 * module README for how to run them.
 */
package io.qbauth.e2e.bench;
