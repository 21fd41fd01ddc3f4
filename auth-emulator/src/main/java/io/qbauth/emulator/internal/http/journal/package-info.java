/**
 * The request journal behind {@code GET /_emulator/requests}: the last requests per event loop, recorded without a
 * lock or a shared counter on the request path. The bottom of the HTTP layer: it depends on no other part of it.
 */
package io.qbauth.emulator.internal.http.journal;
