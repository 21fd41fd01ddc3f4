/**
 * The QuickBlox API the emulator serves: {@code /session}, {@code /login}, {@code /users}, {@code /users/{id}/tokens},
 * {@code /account_settings}, the authentication of their callers (session token or API key, the point where a request
 * is attributed to its application), the JSON views of their replies, and the fast path for session reads.
 */
package io.qbauth.emulator.internal.http.endpoints;
