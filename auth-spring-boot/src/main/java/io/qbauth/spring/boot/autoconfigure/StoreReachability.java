package io.qbauth.spring.boot.autoconfigure;

/** Whether the shared session store answers, as the store last saw it (no round trip): for the health component. */
@FunctionalInterface
interface StoreReachability {

    /** True while the store is reachable. */
    boolean reachable();
}
