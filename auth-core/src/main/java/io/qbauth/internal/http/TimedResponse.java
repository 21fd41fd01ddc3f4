package io.qbauth.internal.http;

import io.qbauth.domain.ApiResponse;

/**
 * A reply with the local times its request was sent and the reply received (epoch milliseconds of the client's
 * clock), which session expiry tracking needs.
 */
public record TimedResponse(ApiResponse response, long sentAtMillis, long receivedAtMillis) {
}
