/**
 * The SDK against the emulator's fault modes, on every transport: typed errors, bounded waits, no replay of a call
 * whose outcome is unknown, recovery once the fault clears, and nothing leaked by a closed client.
 */
package io.qbauth.e2e.faults;
