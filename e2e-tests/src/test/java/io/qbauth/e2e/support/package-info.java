/**
 * Test infrastructure of the end-to-end suite: the transports under test, the emulator fixture, the SDK wrapper that
 * records (and can hold) what the client sends, a test clock and provider test tokens.
 */
package io.qbauth.e2e.support;
