package io.qbauth.adapter.metrics.micrometer;

import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.qbauth.domain.ConfigurationException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * How {@link QbAuthMetrics} names and shapes the meters. Immutable; {@link #ofDefaults()}, {@link #custom()} or
 * {@link #from(QbAuthMetricsOptions)}.
 *
 * <ul>
 *   <li>{@link Builder#names(QbAuthMetricNames) names}: default {@link QbAuthMetricNames#ofDefaults()};</li>
 *   <li>{@link Builder#tag(String, String) tags} added to every qbauth meter, e.g. {@code client.name=orders} to tell
 *       two clients of one application apart. {@code client.name} is the only built-in tag key allowed: it replaces
 *       the transport name on the HTTP timer. Default none;</li>
 *   <li>{@link Builder#publishPercentileHistogram(boolean) publishPercentileHistogram}: the two timers publish
 *       histogram buckets, so percentiles can be aggregated across instances in the backend (Prometheus
 *       {@code histogram_quantile} over {@code _bucket}). About 70 more series per tag combination; default off;</li>
 *   <li>{@link Builder#serviceLevelObjectives(Duration...) serviceLevelObjectives}: bucket boundaries the two timers
 *       always publish (e.g. 100 ms, 500 ms), to count calls under a latency target cheaply. Default none.</li>
 * </ul>
 */
public final class QbAuthMetricsOptions {

    private static final QbAuthMetricsOptions DEFAULTS = custom().build();

    private final QbAuthMetricNames names;
    private final Tags tags;
    private final boolean publishPercentileHistogram;
    private final List<Duration> serviceLevelObjectives;

    private QbAuthMetricsOptions(Builder b) {
        if (b.names == null) {
            throw new ConfigurationException("names is required");
        }
        for (Tag tag : b.tags) {
            if (Meters.BUILT_IN_TAG_KEYS.contains(tag.getKey()) && !tag.getKey().equals(Meters.CLIENT_NAME)) {
                throw new ConfigurationException("tag " + tag.getKey() + " is set by qbauth itself; pick another key");
            }
        }
        for (Duration slo : b.serviceLevelObjectives) {
            if (slo == null || slo.isNegative() || slo.isZero()) {
                throw new ConfigurationException("serviceLevelObjectives must be positive durations");
            }
        }
        names = b.names;
        tags = b.tags;
        publishPercentileHistogram = b.publishPercentileHistogram;
        serviceLevelObjectives = b.serviceLevelObjectives.stream().distinct().sorted().toList();
    }

    /** Default names, no extra tags, no histogram buckets. */
    public static QbAuthMetricsOptions ofDefaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder custom() {
        return new Builder();
    }

    /** A builder starting from {@code base}. */
    public static Builder from(QbAuthMetricsOptions base) {
        if (base == null) {
            throw new ConfigurationException("base is required");
        }
        return new Builder().names(base.names).tags(base.tags)
                .publishPercentileHistogram(base.publishPercentileHistogram)
                .serviceLevelObjectives(base.serviceLevelObjectives.toArray(Duration[]::new));
    }

    /** The meter names. */
    public QbAuthMetricNames names() {
        return names;
    }

    /** Tags added to every qbauth meter. */
    public Tags tags() {
        return tags;
    }

    /** Whether the two timers publish percentile histogram buckets. */
    public boolean publishPercentileHistogram() {
        return publishPercentileHistogram;
    }

    /** Bucket boundaries the two timers always publish, ascending. */
    public List<Duration> serviceLevelObjectives() {
        return serviceLevelObjectives;
    }

    @Override
    public String toString() {
        return "QbAuthMetricsOptions[names=" + names + ", tags=" + tags + ", publishPercentileHistogram="
                + publishPercentileHistogram + ", serviceLevelObjectives=" + serviceLevelObjectives + "]";
    }

    /** Builder of {@link QbAuthMetricsOptions}; {@link #build()} validates. */
    public static final class Builder {
        private QbAuthMetricNames names = QbAuthMetricNames.ofDefaults();
        private Tags tags = Tags.empty();
        private boolean publishPercentileHistogram;
        private List<Duration> serviceLevelObjectives = List.of();

        private Builder() {
        }

        /** The meter names. */
        public Builder names(QbAuthMetricNames value) {
            names = value;
            return this;
        }

        /** Adds a tag to every qbauth meter (a later value for the same key wins). */
        public Builder tag(String key, String value) {
            try {
                tags = tags.and(key, value);
            } catch (RuntimeException e) {
                throw new ConfigurationException("tag key and value are required", e);
            }
            return this;
        }

        /** Adds tags to every qbauth meter (a later value for the same key wins). */
        public Builder tags(Iterable<Tag> value) {
            if (value == null) {
                throw new ConfigurationException("tags is required");
            }
            try {
                tags = tags.and(value);
            } catch (RuntimeException e) {
                throw new ConfigurationException("tags must not contain null", e);
            }
            return this;
        }

        /** Whether the two timers publish percentile histogram buckets; default off. */
        public Builder publishPercentileHistogram(boolean value) {
            publishPercentileHistogram = value;
            return this;
        }

        /** Bucket boundaries the two timers always publish (replacing earlier ones); default none. */
        public Builder serviceLevelObjectives(Duration... value) {
            if (value == null) {
                throw new ConfigurationException("serviceLevelObjectives is required");
            }
            serviceLevelObjectives = Arrays.asList(value.clone());
            return this;
        }

        /**
         * Builds the options.
         *
         * @throws ConfigurationException when names is missing, a tag uses a built-in key other than
         *                                {@code client.name}, or a service level objective is not positive
         */
        public QbAuthMetricsOptions build() {
            return new QbAuthMetricsOptions(this);
        }
    }
}
