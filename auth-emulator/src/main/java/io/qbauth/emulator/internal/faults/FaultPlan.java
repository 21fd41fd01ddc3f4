package io.qbauth.emulator.internal.faults;

import io.qbauth.emulator.Fault;
import io.qbauth.emulator.FaultRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongPredicate;
import java.util.function.Predicate;

/**
 * The fault rules switched on, global and per application. Lookups are lock-free (copy-on-write lists: rules change
 * rarely, requests consult them constantly) and pick the newest matching rule. With no rules, a lookup is one
 * volatile read.
 */
public final class FaultPlan {

    private final CopyOnWriteArrayList<ActiveFault> rules = new CopyOnWriteArrayList<>();
    private final AtomicLong lastId = new AtomicLong();
    private final LongPredicate knownApplication;

    /** @param knownApplication whether an application id is configured (rules for others are refused) */
    public FaultPlan(LongPredicate knownApplication) {
        this.knownApplication = knownApplication;
    }

    /**
     * Adds a rule.
     *
     * @param applicationId the application whose requests it strikes, or {@code null} for every request
     * @throws IllegalArgumentException for an application that is not configured
     */
    public FaultRule add(Fault fault, Long applicationId) {
        Objects.requireNonNull(fault, "fault");
        if (applicationId != null && !knownApplication.test(applicationId)) {
            throw new IllegalArgumentException("no application " + applicationId);
        }
        ActiveFault rule = new ActiveFault(lastId.incrementAndGet(), fault, applicationId, rules::remove);
        rules.add(rule);
        return rule;
    }

    /** The newest global rule that takes this request, with its strike counted; null when none. */
    public Fault strikeGlobal(String method, String path) {
        return strike(method, path, null);
    }

    /** The newest rule of {@code applicationId} that takes this request, with its strike counted; null when none. */
    public Fault strikeApplication(long applicationId, String method, String path) {
        return strike(method, path, applicationId);
    }

    private Fault strike(String method, String path, Long applicationId) {
        if (rules.isEmpty()) {
            return null;
        }
        Object[] snapshot = rules.toArray();
        for (int i = snapshot.length - 1; i >= 0; i--) {
            ActiveFault rule = (ActiveFault) snapshot[i];
            if (rule.belongsTo(applicationId) && rule.tryStrike(method, path)) {
                return rule.fault();
            }
        }
        return null;
    }

    /** Whether no rule is switched on (one volatile read). */
    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /** Removes every rule. */
    public void clear() {
        removeIf(rule -> true);
    }

    /** Removes the rules of one application. */
    public void clear(long applicationId) {
        removeIf(rule -> rule.belongsTo(applicationId));
    }

    /** The active rules, oldest first. */
    public List<FaultRule> active() {
        List<FaultRule> active = new ArrayList<>();
        for (ActiveFault rule : rules) {
            if (rule.isActive()) {
                active.add(rule);
            }
        }
        active.sort(Comparator.comparingLong(FaultRule::id));
        return List.copyOf(active);
    }

    private void removeIf(Predicate<ActiveFault> which) {
        for (ActiveFault rule : rules) {
            if (which.test(rule)) {
                rule.retire();
                rules.remove(rule);
            }
        }
    }
}
