/**
 * {@link io.qbauth.adapter.store.redis.RedisSessionStore}, the Redis implementation of
 * {@link io.qbauth.spi.SharedSessionStore}: leases ({@code SET NX PX}), generation-fenced publication in Lua scripts,
 * pub/sub wake-ups with a polling fallback, and sessions sealed at rest by a
 * {@link io.qbauth.adapter.store.redis.SessionCipher} (AES-256-GCM by default). The design and its failure modes:
 * docs/FLEET.md.
 */
package io.qbauth.adapter.store.redis;
