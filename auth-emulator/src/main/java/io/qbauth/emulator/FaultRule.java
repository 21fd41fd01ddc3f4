package io.qbauth.emulator;

import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A fault switched on in a running emulator, as {@link EmulatorFaults#set(Fault)} returned it: counts the requests it
 * struck, so a test can assert how often a client sent a call ("the POST that was reset was sent exactly once").
 * Thread-safe.
 */
public interface FaultRule {

    /** A number unique within the emulator, in the order rules were set. */
    long id();

    /** The fault. */
    Fault fault();

    /** The application whose requests it strikes; empty for every request. */
    OptionalLong applicationId();

    /** How many requests it has struck so far. */
    long strikes();

    /** How many more requests it will strike; empty when unlimited. Zero once used up. */
    OptionalInt remaining();

    /** Whether it still strikes: not used up, not removed, not cleared. */
    boolean isActive();

    /** Switches it off; idempotent. */
    void remove();
}
