/**
 * The emulator's connections: the emulator-wide cap ({@code ConnectionLimiter}) and, per event loop, admission, the
 * header timeout and closing a connection after a reply ({@code ConnectionWatch}). Only the assembly of the HTTP
 * layer uses it: endpoints never see a connection.
 */
package io.qbauth.emulator.internal.http.connections;
