/**
 * End-to-end: a fleet shares its sessions on a real Redis ({@code QbAuth.builder().sharedStore(...)}) — several
 * SDK instances in one JVM, each with its own transport and its own {@code RedisSessionStore}, against one emulator:
 * one creation per identity for the whole fleet, one re-creation after a 401 everywhere, local fallback while Redis
 * is gone and convergence when it is back, nothing readable at rest. (Separate JVMs: {@code process}.)
 */
package io.qbauth.e2e.fleet;
