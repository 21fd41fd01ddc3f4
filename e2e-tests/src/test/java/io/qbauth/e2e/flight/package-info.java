/**
 * End-to-end: many callers, one session creation, counted by the emulator; cancellation and logout during a creation.
 */
package io.qbauth.e2e.flight;
