package io.qbauth.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The root README's table of {@code qbauth.*} properties ("Spring Boot" section) is the generated configuration
 * metadata, row for row: name, default and description. On a mismatch the message holds the table to paste.
 */
class ReadmePropertiesTableTest {

    private static final Path README = Path.of("..", "README.md");
    private static final Pattern ROW = Pattern.compile("^\\| `(qbauth\\.[a-z.-]+)` \\| (.*) \\| (.*) \\|$");

    @Test
    void the_readme_table_is_the_configuration_metadata() throws IOException {
        Map<String, String> metadata = metadataRows();
        assertThat(metadata).hasSizeGreaterThan(20);
        Map<String, String> readme = new TreeMap<>();
        String section = section(Files.readString(README), "## Spring Boot");
        for (String line : section.split("\n")) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                readme.put(row.group(1), line);
            }
        }
        assertThat(String.join("\n", readme.values()))
                .as("README.md, section Spring Boot: the property table must be (sorted by name):%n%s",
                        String.join("\n", metadata.values()))
                .isEqualTo(String.join("\n", metadata.values()));
    }

    /** One README row per property of META-INF/spring-configuration-metadata.json, sorted by name. */
    private static Map<String, String> metadataRows() throws IOException {
        Map<String, String> rows = new TreeMap<>();
        try (InputStream json = ReadmePropertiesTableTest.class.getResourceAsStream(
                "/META-INF/spring-configuration-metadata.json");
             JsonParser parser = new JsonFactory().createParser(json)) {
            boolean inProperties = false;
            String name = null;
            String defaultValue = null;
            String description = "";
            while (parser.nextToken() != null) {
                JsonToken token = parser.currentToken();
                if (token == JsonToken.FIELD_NAME && parser.getParsingContext().getParent().inRoot()) {
                    inProperties = parser.currentName().equals("properties");
                } else if (inProperties && token == JsonToken.START_OBJECT) {
                    name = null;
                    defaultValue = null;
                    description = "";
                } else if (inProperties && token.isScalarValue()) {
                    switch (parser.currentName()) {
                        case "name" -> name = parser.getText();
                        case "defaultValue" -> defaultValue = parser.getText();
                        case "description" -> description = parser.getText();
                        default -> { }
                    }
                } else if (inProperties && token == JsonToken.END_OBJECT && name != null) {
                    rows.put(name, "| `" + name + "` | " + (defaultValue == null ? "—" : "`" + defaultValue + "`")
                            + " | " + description + " |");
                }
            }
        }
        return rows;
    }

    private static String section(String markdown, String heading) {
        int start = markdown.indexOf("\n" + heading + "\n");
        assertThat(start).as("README.md has a section %s", heading).isNotNegative();
        int end = markdown.indexOf("\n## ", start + heading.length() + 2);
        return markdown.substring(start, end < 0 ? markdown.length() : end);
    }
}
