package io.qbauth.emulator;

import io.qbauth.emulator.internal.faults.FaultPlan;
import java.util.List;
import java.util.Objects;

/**
 * The fault modes of a running emulator, from {@link QbEmulator#faults()}; also reachable over HTTP at
 * {@code /_emulator/faults} (see the module README). Thread-safe; changes apply to requests that arrive afterwards.
 *
 * <p>Each request is struck by at most one fault: the newest matching rule set for every request, else the newest
 * matching rule of the request's application. A global rule is checked when the request arrives; an application's
 * rules once the emulator knows the application (from the {@code QB-Token}, the API key, or the
 * {@code application_id} of {@code POST /session.json}). Requests the emulator cannot attribute to an application
 * (malformed ones, unknown tokens) are struck by global rules only.
 */
public final class EmulatorFaults {

    private final FaultPlan plan;

    EmulatorFaults(FaultPlan plan) {
        this.plan = plan;
    }

    /** Switches {@code fault} on for every request; returns the rule, which counts its strikes. */
    public FaultRule set(Fault fault) {
        return plan.add(Objects.requireNonNull(fault, "fault"), null);
    }

    /**
     * Switches {@code fault} on for the requests of one application.
     *
     * @throws IllegalArgumentException when the application is not configured
     */
    public FaultRule set(long applicationId, Fault fault) {
        return plan.add(Objects.requireNonNull(fault, "fault"), applicationId);
    }

    /** Switches every fault off, global and per application. */
    public void clear() {
        plan.clear();
    }

    /** Switches off the faults set for one application. */
    public void clear(long applicationId) {
        plan.clear(applicationId);
    }

    /** The rules still active, oldest first. */
    public List<FaultRule> active() {
        return plan.active();
    }

    @Override
    public String toString() {
        return "EmulatorFaults" + active();
    }
}
