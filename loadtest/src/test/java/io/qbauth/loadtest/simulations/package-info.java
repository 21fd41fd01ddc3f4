/**
 * The simulation ({@link io.qbauth.loadtest.simulations.AuthLoadSimulation}) and what it is built from: the
 * scenarios, the shared identities of the session-refresh scenario (and the users of the many-users one), their
 * expiry waves, and the single-flight checks.
 */
package io.qbauth.loadtest.simulations;
