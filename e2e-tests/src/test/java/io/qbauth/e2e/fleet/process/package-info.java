/**
 * End-to-end: a real fleet of separate JVM processes (issue 13). Each member ({@link
 * io.qbauth.e2e.fleet.process.FleetMemberMain}) is a JVM the test starts, with its own user pool and its own Redis
 * store, driving the same identities against one emulator and one {@code redis-server}; the tests read the members'
 * line reports (token fingerprints, successes and failures by type) and the emulator's counters. No member outlives
 * its test ({@link io.qbauth.e2e.fleet.process.ChildProcesses}).
 */
package io.qbauth.e2e.fleet.process;
