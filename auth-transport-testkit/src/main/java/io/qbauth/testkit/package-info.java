/**
 * Test fixtures for qbauth's modules and for applications' tests: {@link io.qbauth.testkit.TestClock}, the one
 * settable {@link java.time.Clock} the SDK's tests share. The transport contract is in
 * {@link io.qbauth.testkit.transport}.
 */
package io.qbauth.testkit;
