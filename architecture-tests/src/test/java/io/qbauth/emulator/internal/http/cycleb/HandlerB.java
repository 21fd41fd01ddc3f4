package io.qbauth.emulator.internal.http.cycleb;

import io.qbauth.emulator.internal.http.cyclea.HandlerA;

/** Fixture: the other half of the package cycle of {@link HandlerA}. */
public final class HandlerB {

    /** Uses the first half. */
    public HandlerA partner() {
        return new HandlerA();
    }
}
