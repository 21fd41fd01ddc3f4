package io.qbauth.adapter.metrics.micrometer;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * The convention of every qbauth observation (the contexts are {@link QbAuthObservationContext}s: switch on
 * {@link QbAuthObservationContext#activity()}). Extend {@link DefaultQbAuthObservationConvention} to add or change
 * keys, and give it to {@link ObservationInstrumentation#convention(QbAuthObservationConvention)}, or register it
 * on the registry ({@code observationConfig().observationConvention(...)}). The observation names are those of
 * {@link QbAuthObservationDocumentation} unless {@link #getName()} returns one (then every qbauth observation gets it:
 * rename per activity with an {@code ObservationFilter} instead).
 */
public interface QbAuthObservationConvention extends ObservationConvention<Observation.Context> {

    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof QbAuthObservationContext;
    }
}
