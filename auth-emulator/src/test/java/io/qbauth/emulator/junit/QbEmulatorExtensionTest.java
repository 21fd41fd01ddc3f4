package io.qbauth.emulator.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qbauth.emulator.QbEmulator;
import io.qbauth.emulator.support.Fixtures;
import io.qbauth.emulator.support.MutableClock;
import io.qbauth.emulator.support.QbClient;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The extension starts one emulator for the class, injects it, and shares it with nested classes. */
class QbEmulatorExtensionTest {

    private static final MutableClock CLOCK = new MutableClock(Fixtures.PINNED);

    @RegisterExtension
    static final QbEmulatorExtension EMULATOR = Fixtures.standard(QbEmulatorExtension.builder(), CLOCK).build();

    private final QbEmulator fromConstructor;

    QbEmulatorExtensionTest(QbEmulator emulator) {
        this.fromConstructor = emulator;
    }

    @Test
    void injects_the_running_emulator_into_constructors_and_methods(QbEmulator fromMethod) {
        assertThat(fromMethod).isSameAs(fromConstructor).isSameAs(EMULATOR.emulator());
        assertThat(EMULATOR.baseUrl()).isEqualTo(fromMethod.baseUrl());
        assertThat(new QbClient(fromMethod.baseUrl(), CLOCK).createSession().status()).isEqualTo(201);
    }

    @Test
    void an_extension_outside_a_test_class_explains_how_to_register_it() {
        QbEmulatorExtension idle = QbEmulatorExtension.wrapping(
                Fixtures.standard(QbEmulator.builder(), CLOCK));

        assertThatThrownBy(idle::emulator).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("@RegisterExtension");
    }

    @Nested
    class Nested_classes {
        @Test
        void share_the_outer_emulator(QbEmulator emulator) {
            assertThat(emulator).isSameAs(fromConstructor);
        }
    }
}
