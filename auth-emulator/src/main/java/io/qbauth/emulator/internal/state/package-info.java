/**
 * The emulator's in-memory state: applications, their users, sessions and counters. Everything here is
 * thread-safe and non-blocking except user writes, which take a short per-application lock (never around I/O).
 */
package io.qbauth.emulator.internal.state;
