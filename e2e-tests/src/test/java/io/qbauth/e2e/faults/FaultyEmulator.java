package io.qbauth.e2e.faults;

import io.qbauth.e2e.support.QuickBloxFixture;
import io.qbauth.emulator.QbEmulator;
import io.qbauth.emulator.junit.QbEmulatorExtension;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The fixture emulator of a fault test class, shared by its tests, with every fault cleared before and after each
 * test so no fault outlives the test that set it. Register it on a static field.
 */
final class FaultyEmulator implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    private final QbEmulatorExtension emulator = QbEmulatorExtension.wrapping(QuickBloxFixture.emulator());

    QbEmulator emulator() {
        return emulator.emulator();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        emulator.beforeAll(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        emulator.afterAll(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        emulator().faults().clear();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        emulator().faults().clear();
    }
}
