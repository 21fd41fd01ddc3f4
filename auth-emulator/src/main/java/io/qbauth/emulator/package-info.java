/**
 * A QuickBlox-compatible authentication server for local runs, tests and load tests.
 *
 * <p>Start one with {@link io.qbauth.emulator.QbEmulator#builder()}; describe applications with
 * {@link io.qbauth.emulator.EmulatorApp}; read counters as {@link io.qbauth.emulator.EmulatorStats}; plug provider
 * token checks in with {@link io.qbauth.emulator.ProviderTokenVerifier}. Everything under {@code internal} is not
 * API.
 */
package io.qbauth.emulator;
