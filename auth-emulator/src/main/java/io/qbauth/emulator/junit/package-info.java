/**
 * JUnit 5 integration: {@link io.qbauth.emulator.junit.QbEmulatorExtension} starts an emulator before a test class
 * and stops it after. Needs {@code junit-jupiter-api} on the test class path (an optional dependency).
 */
package io.qbauth.emulator.junit;
