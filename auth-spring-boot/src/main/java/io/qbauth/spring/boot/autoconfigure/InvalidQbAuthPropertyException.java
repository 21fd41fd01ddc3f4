package io.qbauth.spring.boot.autoconfigure;

/**
 * A {@code qbauth.*} property that cannot configure the SDK; {@link QbAuthPropertyFailureAnalyzer} turns it into
 * Spring Boot's start-up report. The message names the property and never quotes its value.
 */
final class InvalidQbAuthPropertyException extends RuntimeException {

    private final String property;

    InvalidQbAuthPropertyException(String property, String message, Throwable cause) {
        super(message, cause);
        this.property = property;
    }

    /** The property at fault, e.g. {@code qbauth.auth-key}. */
    String property() {
        return property;
    }
}
