package io.qbauth.emulator.internal.http.cyclea;

import io.qbauth.emulator.internal.http.cycleb.HandlerB;

/** Fixture: one half of a package cycle inside the emulator's HTTP layer, for {@code EmulatorHttpLayersTest}. */
public final class HandlerA {

    /** Uses the other half. */
    public HandlerB partner() {
        return new HandlerB();
    }
}
