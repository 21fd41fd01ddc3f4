package io.qbauth.adapter.metrics.micrometer;

import io.micrometer.core.instrument.Meter.MeterProvider;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The timers a {@link MeterProvider} resolved, by their tag values, so a sample on the hot path skips building tags,
 * an id and a distribution config. Bounded (tag values are, and {@value #MAX_TIMERS} is a backstop), and emptied
 * whenever the registry removes a meter, so a removed timer is registered again by the next sample instead of
 * silently swallowing it.
 *
 * @param <K> the tag values, a record
 */
final class ResolvedTimers<K extends ResolvedTimers.Key> {

    /** The tag values of one timer; equal keys mean the same timer. */
    interface Key {
        /** Tag keys and values, alternating, as {@link MeterProvider#withTags(String...)} takes them. */
        String[] keyValues();
    }

    static final int MAX_TIMERS = 2_000;

    private final Map<K, Timer> timers = new ConcurrentHashMap<>();
    private final MeterProvider<Timer> provider;
    private final boolean enabled;

    ResolvedTimers(MeterRegistry registry, MeterProvider<Timer> provider) {
        this.provider = provider;
        this.enabled = clearOnRemoval(registry, new WeakReference<>(timers));
    }

    /** The timer for {@code key}, resolved by the provider the first time. */
    Timer get(K key) {
        Timer timer = timers.get(key);
        if (timer == null) {
            timer = provider.withTags(key.keyValues());
            if (enabled && timers.size() < MAX_TIMERS) {
                timers.put(key, timer);
            }
        }
        return timer;
    }

    /** The listener holds the map weakly: a client that is gone leaves only an empty listener behind. */
    private static boolean clearOnRemoval(MeterRegistry registry, WeakReference<? extends Map<?, ?>> timers) {
        try {
            registry.config().onMeterRemoved(removed -> {
                Map<?, ?> map = timers.get();
                if (map != null) {
                    map.clear();
                }
            });
            return true;
        } catch (Throwable e) { // the registry is the application's
            Meters.dropped("the timer cache (every sample resolves its timer)", e);
            return false;
        }
    }
}
