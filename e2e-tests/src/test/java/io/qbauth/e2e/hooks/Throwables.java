package io.qbauth.e2e.hooks;

import java.io.IOException;

/** What application code throws: an unchecked exception, an {@link Error}, or a checked exception, sneakily. */
enum Throwables {
    RUNTIME_EXCEPTION,
    ERROR,
    CHECKED_EXCEPTION;

    /**
     * A throwable of this kind, ready to {@code throw}: the checked kind is thrown on the spot, past the compiler, as
     * Kotlin or Lombok's {@code @SneakyThrows} code does.
     */
    RuntimeException create(String where) {
        String message = "thrown by the test's " + where;
        return switch (this) {
            case RUNTIME_EXCEPTION -> new IllegalStateException(message);
            case ERROR -> throw new AssertionError(message);
            case CHECKED_EXCEPTION -> throw Throwables.<RuntimeException>sneaky(new IOException(message));
        };
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T sneaky(Throwable checked) throws T {
        throw (T) checked;
    }
}
