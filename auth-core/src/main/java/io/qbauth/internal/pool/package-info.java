/**
 * Internal: the user pool — a bounded, lock-free registry of user identities, each with its own single-flight session
 * cache on the shared wiring, and the per-user operations on it. Not exported.
 */
package io.qbauth.internal.pool;
