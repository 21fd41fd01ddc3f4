/**
 * The soak run (not a test, not in CI): the session-refresh scenario at a fixed rate for minutes against the
 * embedded emulator, watching errors, heap after full GC and thread count. Run with
 * {@code ./mvnw -q -pl e2e-tests test-compile exec:exec@soak}.
 */
package io.qbauth.e2e.soak;
