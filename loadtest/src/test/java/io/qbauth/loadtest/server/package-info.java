/**
 * What the load test runs against: the emulator started in-process with seeded applications and users (the
 * default), or a remote QuickBlox-compatible server named by {@code -DbaseUrl}.
 */
package io.qbauth.loadtest.server;
