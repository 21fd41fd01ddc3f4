/**
 * Hostile input to the emulator: a seeded generator of malformed requests, a raw-socket probe that tells an answer
 * from a close from a hang, and the fuzz test that runs thousands of them.
 */
package io.qbauth.emulator.fuzz;
