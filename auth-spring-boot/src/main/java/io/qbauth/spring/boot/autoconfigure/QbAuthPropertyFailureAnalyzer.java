package io.qbauth.spring.boot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports an invalid {@code qbauth.*} property at start-up as Spring Boot's "APPLICATION FAILED TO START" analysis
 * (the property and what is wrong with it, never its value) rather than a stack trace from inside the SDK.
 * Registered in {@code META-INF/spring.factories}.
 */
public final class QbAuthPropertyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidQbAuthPropertyException> {

    /** Called by Spring Boot ({@code spring.factories}). */
    public QbAuthPropertyFailureAnalyzer() {
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidQbAuthPropertyException invalid) {
        return new FailureAnalysis(invalid.getMessage(),
                "Set " + invalid.property() + " correctly in application.yml (or in the environment, e.g. "
                        + environmentName(invalid.property()) + "). The qbauth.* properties are listed in the "
                        + "\"Spring Boot\" section of the qbauth README and completed by your IDE.",
                invalid);
    }

    private static String environmentName(String property) {
        return property.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace("-", "");
    }
}
