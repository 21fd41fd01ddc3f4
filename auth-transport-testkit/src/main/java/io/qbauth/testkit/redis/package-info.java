/**
 * Real Redis for tests, never a fixed port and never a system service: {@link io.qbauth.testkit.redis.RedisServerProcess}
 * starts a {@code redis-server} child process on a free loopback port in a temporary directory (a JUnit 5 extension,
 * per class or per test; stop, kill -9 and restart on the same port), and {@link io.qbauth.testkit.redis.TcpProxy}
 * stands between a client and it to cut the network while Redis runs on. Used by {@code auth-store-redis}, the
 * end-to-end fleet tests and the load test.
 */
package io.qbauth.testkit.redis;
