package io.qbauth.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * One slice per package of the emulator, its top-level API package included (a {@code matching(...)} pattern
 * cannot give the top-level package a slice of its own, so a cycle between it and an internal package went unseen),
 * and every sub-package a slice of its own: {@code internal.http} and each of its parts
 * ({@code internal.http.endpoints}, {@code internal.http.rendering}, ...) are separate slices, so a cycle between two
 * parts of the HTTP layer fails the build ({@code EmulatorHttpLayersTest} proves it on a fixture).
 */
final class EmulatorPackages implements SliceAssignment {

    static final EmulatorPackages EACH = new EmulatorPackages();

    private static final String ROOT = "io.qbauth.emulator";

    /** The API's facades, which wire the internals: {@code QbEmulator} (and its nested builders), {@code EmulatorFaults}. */
    static final DescribedPredicate<JavaClass> FACADES = DescribedPredicate.describe("the emulator's facades",
            javaClass -> javaClass.getPackageName().equals(ROOT)
                    && (javaClass.getName().startsWith(ROOT + ".QbEmulator")
                    || javaClass.getName().equals(ROOT + ".EmulatorFaults")));

    /** Everything under {@code io.qbauth.emulator.internal}. */
    static final DescribedPredicate<JavaClass> INTERNALS = DescribedPredicate.describe("the emulator's internals",
            javaClass -> javaClass.getPackageName().startsWith(ROOT + ".internal"));

    private EmulatorPackages() {
    }

    @Override
    public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
        String name = javaClass.getPackageName();
        return name.equals(ROOT) || name.startsWith(ROOT + ".") ? SliceIdentifier.of(name) : SliceIdentifier.ignore();
    }

    @Override
    public String getDescription() {
        return "each package of the emulator";
    }
}
