package io.qbauth.emulator.internal.http.control;

/**
 * The connection figures {@code /_emulator/stats} and {@code /_emulator/metrics} report, as plain numbers: the
 * assembly reads them from the connection limiter, so the control endpoints never depend on how connections are
 * handled.
 *
 * @param open connections open now
 * @param refused connections closed at accept because the cap was reached, since start
 * @param max the cap
 */
public record ConnectionCounts(long open, long refused, int max) {
}
