/**
 * Internal: the session lifecycle — the single-flight session cache, session creation and the re-authenticating
 * executor. Not exported.
 */
package io.qbauth.internal.session;
