package io.qbauth.e2e.fleet.process;

import io.qbauth.QbAuth;
import io.qbauth.spi.SharedSessionStore;

/** Hands a member's shared store to its client builder. */
final class SharedStoreHook {

    private SharedStoreHook() {
    }

    static void attach(QbAuth.Builder builder, SharedSessionStore store) {
        // until QbAuth.Builder#sharedStore lands (issue 13, branch h13-wire), a member cannot join a fleet
        throw new UnsupportedOperationException("QbAuth.Builder has no sharedStore(...) yet");
    }
}
