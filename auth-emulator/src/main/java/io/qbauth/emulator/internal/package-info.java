/**
 * Implementation of the emulator; not API. This package wires configuration, state and the Vert.x server
 * together; the sub-packages hold the protocol rules, state and HTTP handlers.
 */
package io.qbauth.emulator.internal;
