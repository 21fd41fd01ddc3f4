package io.qbauth.adapter.metrics.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.qbauth.QbAuthClient;
import io.qbauth.adapter.metrics.micrometer.example.PrometheusExample;
import io.qbauth.adapter.metrics.micrometer.support.Emulators;
import io.qbauth.adapter.metrics.micrometer.support.Scrape;
import io.qbauth.adapter.metrics.micrometer.support.ScriptedJourney;
import io.qbauth.testkit.TestClock;
import io.qbauth.emulator.QbEmulator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The ops kit ({@code ops/}): the Grafana dashboard and the Prometheus alert rules parse, have what an operator
 * needs, and every series and label their PromQL names exists in a real scrape after the scripted journey.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpsKitTest {

    private static final Path OPS = Path.of("ops");
    /** A metric name with an optional label matcher block: {@code qbauth_x{a="b",c!~"d"}}. */
    private static final Pattern SELECTOR = Pattern.compile("\\b(qbauth_[a-z0-9_]+)(\\{([^}]*)})?");
    private static final Pattern MATCHER = Pattern.compile("([a-z_]+)\\s*(=~|!~|!=|=)\\s*\"");
    private static final Pattern GROUPING = Pattern.compile("\\b(?:by|ignoring)\\s*\\(([^)]*)\\)");

    private JsonNode dashboard;
    private JsonNode alerts;
    private Scrape scrape;

    @BeforeAll
    void parse_the_kit_and_scrape_a_journey() throws IOException {
        dashboard = new ObjectMapper().readTree(OPS.resolve("qbauth-grafana-dashboard.json").toFile());
        alerts = new ObjectMapper(new YAMLFactory()).readTree(OPS.resolve("qbauth-alerts.yml").toFile());
        TestClock clock = TestClock.followingSystem();
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)
                .throwExceptionOnRegistrationFailure();
        registry.config().meterFilter(PrometheusExample.qbauthPercentileHistograms());
        try (QbEmulator emulator = Emulators.builder(clock).start();
             QbAuthClient client = QbAuthMetrics.instrument(Emulators.client(emulator), registry).build()) {
            ScriptedJourney.run(client, emulator, clock);
        }
        scrape = Scrape.parse(registry.scrape());
    }

    @Test
    void the_dashboard_has_the_panels_an_operator_needs() {
        List<String> titles = new ArrayList<>();
        dashboard.get("panels").forEach(panel -> titles.add(panel.get("title").asText()));

        assertThat(titles).anyMatch(title -> title.startsWith("Login p99"))
                .anyMatch(title -> title.startsWith("Login max"))
                .anyMatch(title -> title.contains("re-creations"))
                .anyMatch(title -> title.contains("error ratio"))
                .anyMatch(title -> title.contains("HTTP exchanges by status"))
                .anyMatch(title -> title.contains("Flight joins"))
                .anyMatch(title -> title.startsWith("Session creation latency"));
        assertThat(dashboard.get("uid").asText()).isNotBlank();
        dashboard.get("panels").forEach(panel -> assertThat(panel.get("targets")).as(panel.get("title").asText())
                .isNotEmpty());
    }

    @Test
    void every_alert_has_an_expression_a_duration_a_severity_and_a_summary() {
        List<String> names = new ArrayList<>();
        alerts.get("groups").forEach(group -> group.get("rules").forEach(rule -> {
            names.add(rule.get("alert").asText());
            assertThat(rule.get("expr").asText()).isNotBlank();
            assertThat(rule.get("for").asText()).matches("\\d+[smh]");
            assertThat(rule.at("/labels/severity").asText()).isIn("warning", "critical");
            assertThat(rule.at("/annotations/summary").asText()).isNotBlank();
        }));

        assertThat(names).containsExactlyInAnyOrder("QbAuthLoginLatencyHigh", "QbAuthSessionRecreationSpike",
                "QbAuthErrorRatioHigh");
    }

    @Test
    void every_series_and_label_the_expressions_name_is_in_a_real_scrape() {
        Map<String, String> expressions = expressions();
        assertThat(expressions).hasSizeGreaterThanOrEqualTo(10);

        expressions.forEach((where, expr) -> {
            Matcher selector = SELECTOR.matcher(expr);
            List<String> series = new ArrayList<>();
            while (selector.find()) {
                String name = selector.group(1);
                series.add(name);
                assertThat(scrape.names()).as(where + " names " + name).contains(name);
                if (selector.group(3) != null) {
                    Matcher matcher = MATCHER.matcher(selector.group(3));
                    while (matcher.find()) {
                        assertThat(scrape.labelKeys(name)).as(where + " matches on " + matcher.group(1))
                                .allSatisfy(keys -> assertThat(keys).contains(matcher.group(1)));
                    }
                }
            }
            assertThat(series).as(where + " reads some qbauth series").isNotEmpty();
            Matcher grouping = GROUPING.matcher(expr);
            while (grouping.find()) {
                for (String label : grouping.group(1).split(",")) {
                    String key = label.trim();
                    assertThat(series).as(where + " groups by " + key)
                            .anyMatch(name -> key.equals("le") ? name.endsWith("_bucket")
                                    : scrape.labelKeys(name).stream().allMatch(keys -> keys.contains(key)));
                }
            }
        });
    }

    @Test
    void the_login_series_the_kit_reads_have_samples() {
        assertThat(scrape.sum("qbauth_operations_seconds_bucket", Map.of("operation", "login"))).isPositive();
        assertThat(scrape.sum("qbauth_operations_seconds_max", Map.of("operation", "login"))).isPositive();
        assertThat(scrape.sum("qbauth_session_creation_seconds_count", Map.of("outcome", "success"))).isPositive();
        assertThat(scrape.sum("qbauth_session_creation_seconds_bucket", Map.of("session_kind", "user")))
                .isPositive();
    }

    /** Every PromQL expression of the kit, keyed by where it is. */
    private Map<String, String> expressions() {
        Map<String, String> expressions = new TreeMap<>();
        dashboard.get("panels").forEach(panel -> panel.get("targets").forEach(target -> expressions.put(
                "panel '" + panel.get("title").asText() + "' " + target.get("refId").asText(),
                target.get("expr").asText())));
        alerts.get("groups").forEach(group -> group.get("rules").forEach(rule -> expressions.put(
                "alert " + rule.get("alert").asText(), rule.get("expr").asText())));
        return expressions;
    }
}
