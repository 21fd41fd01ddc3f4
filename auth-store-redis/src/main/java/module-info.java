/**
 * A shared session store for a fleet of qbauth clients on Redis, through Lettuce: one instance creates the session
 * of an identity, every other one adopts it (docs/FLEET.md). Its package is exported so an application can build the
 * store ({@code RedisSessionStore.builder()}) and choose a {@code SessionCipher}.
 */
module io.qbauth.store.redis {
    requires transitive io.qbauth.core;
    requires lettuce.core;

    exports io.qbauth.adapter.store.redis;
}
