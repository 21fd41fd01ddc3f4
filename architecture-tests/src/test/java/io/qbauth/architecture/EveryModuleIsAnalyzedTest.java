package io.qbauth.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Guards the other rules against passing vacuously: every module's production classes must be on this module's
 * class path, or a rule like "Jackson only in the codec" would hold for an empty set.
 */
class EveryModuleIsAnalyzedTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.qbauth");

    @Test
    void classes_of_every_module_are_imported() {
        assertThat(CLASSES.stream().map(javaClass -> javaClass.getName()))
                .as("one well-known class per module")
                .contains(
                        "io.qbauth.QbAuth",
                        "io.qbauth.domain.AuthException",
                        "io.qbauth.spi.AuthTransport",
                        "io.qbauth.adapter.codec.jackson.JacksonJsonCodec",
                        "io.qbauth.adapter.transport.jdk.JdkAuthTransport",
                        "io.qbauth.adapter.transport.vertx.VertxAuthTransport",
                        "io.qbauth.testkit.transport.AuthTransportContract",
                        "io.qbauth.adapter.metrics.micrometer.QbAuthMetrics",
                        "io.qbauth.adapter.store.redis.RedisSessionStore",
                        "io.qbauth.emulator.QbEmulator",
                        "io.qbauth.spring.boot.autoconfigure.QbAuthAutoConfiguration")
                .as("the exceptions the exception-tree rule exempts exist")
                .containsAll(Packages.STORE_SIGNALS);
    }

    @Test
    void every_package_pattern_the_rules_name_matches_classes() {
        assertThat(CLASSES.stream().anyMatch(c -> c.getPackageName().equals(Packages.ENTRY))).isTrue();
        for (String pattern : Packages.ALL) {
            assertThat(CLASSES.stream().anyMatch(c -> c.getPackage().getName().startsWith(
                    pattern.substring(0, pattern.length() - 2))))
                    .as("classes in %s (a rule over an empty package cannot fail)", pattern).isTrue();
        }
    }
}
