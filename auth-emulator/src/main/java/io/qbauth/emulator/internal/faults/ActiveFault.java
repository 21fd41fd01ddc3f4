package io.qbauth.emulator.internal.faults;

import io.qbauth.emulator.Fault;
import io.qbauth.emulator.FaultRule;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** A rule of the {@link FaultPlan}: a fault, its application (if any), what is left of it and how often it struck. */
final class ActiveFault implements FaultRule {

    private static final int UNLIMITED = -1;

    private final long id;
    private final Fault fault;
    private final Long applicationId;
    private final AtomicInteger remaining;
    private final AtomicLong strikes = new AtomicLong();
    private final AtomicBoolean removed = new AtomicBoolean();
    private final Consumer<ActiveFault> onRemove;

    ActiveFault(long id, Fault fault, Long applicationId, Consumer<ActiveFault> onRemove) {
        this.id = id;
        this.fault = fault;
        this.applicationId = applicationId;
        this.remaining = new AtomicInteger(fault.times().orElse(UNLIMITED));
        this.onRemove = onRemove;
    }

    /** Takes one strike if the request is in scope and some are left; true when the caller must apply the fault. */
    boolean tryStrike(String method, String path) {
        if (removed.get() || !fault.matches(method, path)) {
            return false;
        }
        while (true) {
            int left = remaining.get();
            if (left == 0) {
                return false;
            }
            if (left == UNLIMITED || remaining.compareAndSet(left, left - 1)) {
                strikes.incrementAndGet();
                if (left == 1) {
                    remove();
                }
                return true;
            }
        }
    }

    /** Whether the rule is for this application ({@code null}: a global rule). */
    boolean belongsTo(Long application) {
        return Objects.equals(applicationId, application);
    }

    /** Marks the rule removed without telling the plan (the plan is dropping it itself). */
    void retire() {
        removed.set(true);
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public Fault fault() {
        return fault;
    }

    @Override
    public OptionalLong applicationId() {
        return applicationId == null ? OptionalLong.empty() : OptionalLong.of(applicationId);
    }

    @Override
    public long strikes() {
        return strikes.get();
    }

    @Override
    public OptionalInt remaining() {
        int left = remaining.get();
        return left == UNLIMITED ? OptionalInt.empty() : OptionalInt.of(left);
    }

    @Override
    public boolean isActive() {
        return !removed.get() && remaining.get() != 0;
    }

    @Override
    public void remove() {
        if (removed.compareAndSet(false, true)) {
            onRemove.accept(this);
        }
    }

    @Override
    public String toString() {
        return "FaultRule[" + id + ", " + fault + (applicationId == null ? "" : ", application " + applicationId)
                + ", strikes=" + strikes.get() + (isActive() ? "" : ", inactive") + "]";
    }
}
