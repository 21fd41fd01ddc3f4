package io.qbauth.loadtest.metrics;

import io.qbauth.loadtest.simulations.AuthLoadSimulation;

/** {@link AuthLoadSimulation} with every SDK client instrumented by {@code auth-metrics} ({@link SdkMetrics}). */
public class MeteredAuthLoadSimulation extends AuthLoadSimulation {

    /** The default simulation, metered. */
    public MeteredAuthLoadSimulation() {
        super(new SdkMetrics());
    }
}
