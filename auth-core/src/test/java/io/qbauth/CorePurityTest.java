package io.qbauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * auth-core depends on the JDK only: no compiled class refers to a JSON, HTTP-client, metrics or logging library,
 * and no source prints to the console, uses {@code java.util.Date} or a {@code synchronized} block (which would pin
 * virtual threads around I/O). A single-module build catches a stray import here; {@code architecture-tests} checks
 * the same across modules.
 */
class CorePurityTest {

    private static final List<String> FOREIGN_PACKAGES = List.of(
            "com/fasterxml/", "io/vertx/", "io/micrometer/", "java/net/http/", "org/slf4j/", "java/util/logging/");
    private static final Pattern FORBIDDEN_SOURCE = Pattern.compile(
            "System\\.out|System\\.err|printStackTrace|java\\.util\\.Date\\b|\\bsynchronized\\b");

    @Test
    void no_compiled_class_refers_to_a_third_party_or_forbidden_jdk_package() throws Exception {
        Path classes = Path.of(QbAuth.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(classes)) {
            List<Path> classFiles = files.filter(p -> p.toString().endsWith(".class")).toList();
            assertThat(classFiles).hasSizeGreaterThan(30);
            for (Path file : classFiles) {
                // internal names of referenced classes sit in the constant pool as (modified) UTF-8
                String constants = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertThat(FOREIGN_PACKAGES).as(classes.relativize(file).toString())
                        .noneMatch(constants::contains);
            }
        }
    }

    @Test
    void no_source_prints_uses_old_dates_or_synchronizes() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(file -> assertThat(read(file))
                    .as(file.toString()).doesNotContainPattern(FORBIDDEN_SOURCE));
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
