/**
 * The simulation ({@link io.qbauth.loadtest.simulations.AuthLoadSimulation}) and what it is built from: the
 * scenarios, the shared identities of the session-refresh scenario, its expiry waves, and the single-flight check.
 */
package io.qbauth.loadtest.simulations;
