package io.qbauth.adapter.metrics.micrometer.support;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * Records every observation a registry starts, in start order, and which have stopped: the trees the tests check,
 * and their ASCII rendering (name, contextual name, key values) for messages and the README.
 */
public final class ObservationRecorder implements ObservationHandler<Observation.Context> {

    private static final Duration BOUND = Duration.ofSeconds(10);

    private final List<Observation.Context> started = new CopyOnWriteArrayList<>();
    private final Set<Observation.Context> stopped = Collections.newSetFromMap(new ConcurrentHashMap<>());

    @Override
    public void onStart(Observation.Context context) {
        started.add(context);
    }

    @Override
    public void onStop(Observation.Context context) {
        stopped.add(context);
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
        return true;
    }

    /** Forgets what was recorded. */
    public void clear() {
        started.clear();
        stopped.clear();
    }

    /**
     * Waits (at most 10 s) until every started observation has stopped: a scope is stopped after the caller's stage
     * completed, so just after a blocking call returns.
     */
    public List<Observation.Context> awaitAllStopped() {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (stopped.size() < started.size() || !stopped.containsAll(started)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("observations not stopped within " + BOUND + ":\n" + render());
            }
            Thread.onSpinWait();
            Thread.yield();
        }
        return List.copyOf(started);
    }

    /** The observations without a recorded parent. */
    public List<Observation.Context> roots() {
        return started.stream().filter(context -> parent(context) == null || !started.contains(parent(context)))
                .toList();
    }

    /** The recorded children of {@code context}, in start order. */
    public List<Observation.Context> children(Observation.Context context) {
        return started.stream().filter(child -> parent(child) == context).toList();
    }

    /** Every recorded observation named {@code name}. */
    public List<Observation.Context> named(String name) {
        return started.stream().filter(context -> name.equals(context.getName())).toList();
    }

    /** The context of {@code context}'s parent observation, or null. */
    public static Observation.Context parent(Observation.Context context) {
        ObservationView parent = context.getParentObservation();
        return parent == null ? null : (Observation.Context) parent.getContextView();
    }

    /** The low-cardinality key values of {@code context}. */
    public static Map<String, String> low(Observation.Context context) {
        return context.getLowCardinalityKeyValues().stream()
                .collect(Collectors.toMap(KeyValue::getKey, KeyValue::getValue));
    }

    /** The high-cardinality key values of {@code context}. */
    public static Map<String, String> high(Observation.Context context) {
        return context.getHighCardinalityKeyValues().stream()
                .collect(Collectors.toMap(KeyValue::getKey, KeyValue::getValue));
    }

    /** Every recorded tree, one line per observation. */
    public String render() {
        StringBuilder out = new StringBuilder();
        Map<Observation.Context, Boolean> seen = new IdentityHashMap<>();
        for (Observation.Context root : roots()) {
            render(root, "", "", out, seen);
        }
        return out.toString();
    }

    private void render(Observation.Context context, String prefix, String childPrefix, StringBuilder out,
                        Map<Observation.Context, Boolean> seen) {
        if (seen.put(context, Boolean.TRUE) != null) {
            return;
        }
        out.append(prefix).append(context.getContextualName()).append("  [").append(context.getName()).append("] ")
                .append(new java.util.TreeMap<>(low(context)));
        Map<String, String> high = high(context);
        if (!high.isEmpty()) {
            out.append(' ').append(new java.util.TreeMap<>(high));
        }
        if (context.getError() != null) {
            out.append(" error=").append(context.getError().getClass().getSimpleName());
        }
        out.append('\n');
        List<Observation.Context> children = new ArrayList<>(children(context));
        for (int i = 0; i < children.size(); i++) {
            boolean last = i == children.size() - 1;
            render(children.get(i), childPrefix + (last ? "└── " : "├── "), childPrefix + (last ? "    " : "│   "),
                    out, seen);
        }
    }
}
