/** The emulator's fault modes and their controls, tested on the wire. */
package io.qbauth.emulator.faults;
