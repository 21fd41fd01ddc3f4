package io.qbauth.adapter.metrics.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ResolvedTimersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ResolvedTimers<Key> timers = new ResolvedTimers<>(registry,
            Timer.builder("t").withRegistry(registry));

    @Test
    void equal_tag_values_give_the_same_timer_and_distinct_ones_another() {
        Timer a = timers.get(new Key("a"));

        assertThat(timers.get(new Key("a"))).isSameAs(a);
        assertThat(timers.get(new Key("b"))).isNotSameAs(a);
        assertThat(registry.get("t").timers()).hasSize(2);
    }

    @Test
    void a_timer_the_registry_removed_is_registered_again_by_the_next_sample() {
        timers.get(new Key("a")).record(1, TimeUnit.MILLISECONDS);

        registry.clear();
        timers.get(new Key("a")).record(1, TimeUnit.MILLISECONDS);

        assertThat(registry.get("t").tag("k", "a").timer().count()).isEqualTo(1);
    }

    private record Key(String value) implements ResolvedTimers.Key {
        @Override
        public String[] keyValues() {
            return new String[] {"k", value};
        }
    }
}
