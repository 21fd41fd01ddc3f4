/** Regression tests for the faults hostile testing found in the emulator (issue 16), each over real sockets. */
package io.qbauth.emulator.hardening;
