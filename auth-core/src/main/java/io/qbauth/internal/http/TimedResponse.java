package io.qbauth.internal.http;

import io.qbauth.spi.TransportResponse;

/**
 * A reply with the local times its request was sent and the reply received (epoch milliseconds of the client's
 * clock), which session expiry tracking needs.
 */
public record TimedResponse(TransportResponse response, long sentAtMillis, long receivedAtMillis) {
}
