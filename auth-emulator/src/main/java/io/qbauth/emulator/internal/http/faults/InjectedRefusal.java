package io.qbauth.emulator.internal.http.faults;

import io.qbauth.emulator.Fault;

/** Carries a refusal fault from the point a request's application became known to the failure handler. */
public final class InjectedRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Fault fault;

    InjectedRefusal(Fault fault) {
        super("injected " + fault.kind().wireName(), null, false, false);
        this.fault = fault;
    }

    /** The refusal fault that struck. */
    public Fault fault() {
        return fault;
    }
}
