package io.qbauth.loadtest.simulations;

import io.qbauth.QbAuth;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** What the simulation adds to each SDK client builder, and what it reports of it at the end (metrics). */
public interface SdkInstrumentation {

    /** No instrumentation. */
    SdkInstrumentation NONE = new SdkInstrumentation() {
        @Override
        public UnaryOperator<QbAuth.Builder> forClient(String client) {
            return UnaryOperator.identity();
        }

        @Override
        public List<String> summaryLines(List<String> clients) {
            return List.of();
        }

        @Override
        public Optional<String> scrape() {
            return Optional.empty();
        }
    };

    /** Applied last to every SDK client builder of {@code client} (e.g. {@code sdk-jdk}). */
    UnaryOperator<QbAuth.Builder> forClient(String client);

    /** Lines for the end-of-run summary. */
    List<String> summaryLines(List<String> clients);

    /** A Prometheus text scrape to save beside the report, if there is one. */
    Optional<String> scrape();
}
