/**
 * Hostile replies to the SDK: a tiny raw-socket server that answers with bytes no real server should send (absurd
 * headers and lengths, endless and stalled bodies, huge or deeply nested JSON), and the tests that the SDK turns each
 * into a typed error within its timeout and its reply limit.
 */
package io.qbauth.e2e.hostile;
