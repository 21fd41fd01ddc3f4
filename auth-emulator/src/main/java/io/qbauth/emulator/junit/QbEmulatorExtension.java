package io.qbauth.emulator.junit;

import io.qbauth.emulator.QbEmulator;
import java.net.URI;
import java.util.Objects;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts a {@link QbEmulator} before all tests of a class and stops it after them; injects it into test
 * constructors and methods that declare a {@code QbEmulator} parameter. Register it on a static field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static QbEmulatorExtension emulator = QbEmulatorExtension.builder()
 *         .app(EmulatorApp.of(12345L, "authKey", "authSecret"))
 *         .user(12345L, "alice_qb", "alicePass123")
 *         .build();
 *
 * @Test
 * void logsIn(QbEmulator emu) { ... emu.baseUrl() ... }
 * }</pre>
 *
 * <p>Nested test classes share the outer class's emulator.
 */
public final class QbEmulatorExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private final Supplier<QbEmulator> starter;
    private volatile QbEmulator emulator;
    private volatile String ownerId;

    private QbEmulatorExtension(Supplier<QbEmulator> starter) {
        this.starter = starter;
    }

    /** A builder with {@link QbEmulator#builder()}'s settings and defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** An extension that starts {@code builder} (read when the test class starts). */
    public static QbEmulatorExtension wrapping(QbEmulator.Builder builder) {
        Objects.requireNonNull(builder, "builder");
        return new QbEmulatorExtension(builder::start);
    }

    /**
     * The running emulator.
     *
     * @throws IllegalStateException outside the test class's lifetime
     */
    public QbEmulator emulator() {
        QbEmulator running = emulator;
        if (running == null) {
            throw new IllegalStateException("the emulator runs only while the test class runs: register "
                    + "QbEmulatorExtension on a static field with @RegisterExtension");
        }
        return running;
    }

    /** The running emulator's base URL. */
    public URI baseUrl() {
        return emulator().baseUrl();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (emulator == null) {
            emulator = starter.get();
            ownerId = context.getUniqueId();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (context.getUniqueId().equals(ownerId)) {
            QbEmulator running = emulator;
            emulator = null;
            ownerId = null;
            running.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == QbEmulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        try {
            return emulator();
        } catch (IllegalStateException e) {
            throw new ParameterResolutionException(e.getMessage(), e);
        }
    }

    /** Configures the emulator the extension will start; see {@link QbEmulator.AbstractBuilder}. */
    public static final class Builder extends QbEmulator.AbstractBuilder<Builder> {

        private Builder() {
        }

        @Override
        protected Builder self() {
            return this;
        }

        /**
         * The extension, with the settings as they are now.
         *
         * @throws IllegalArgumentException when the settings are invalid
         */
        public QbEmulatorExtension build() {
            return new QbEmulatorExtension(starter());
        }
    }
}
