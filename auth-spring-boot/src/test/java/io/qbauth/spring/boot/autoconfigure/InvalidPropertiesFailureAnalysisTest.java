package io.qbauth.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.emulator.junit.QbEmulatorExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.support.SpringFactoriesLoader;

/** An invalid {@code qbauth.*} property fails the start-up with an analysis that names it, never its value. */
class InvalidPropertiesFailureAnalysisTest {

    @RegisterExtension
    static final QbEmulatorExtension EMULATOR = TestEmulator.extension();

    @Test
    void a_blank_auth_key_is_named() {
        assertThat(analysis("qbauth.auth-key= ").getDescription()).isEqualTo("qbauth.auth-key must not be blank");
        assertThat(analysis("qbauth.auth-secret=").getDescription()).isEqualTo("qbauth.auth-secret must not be blank");
        assertThat(analysis("qbauth.application-id=0").getDescription())
                .isEqualTo("qbauth.application-id must be set to a positive number");
    }

    @Test
    void the_sdk_messages_are_rewritten_to_the_properties() {
        assertThat(analysis("qbauth.refresh.stale-margin=10m").getDescription())
                .isEqualTo("qbauth.refresh.stale-margin must not exceed qbauth.refresh.prefetch-margin");
        assertThat(analysis("qbauth.transport.connect-timeout=0s").getDescription())
                .isEqualTo("qbauth.transport.connect-timeout must be a positive duration");
        assertThat(analysis("qbauth.pool.max-identities=0").getDescription())
                .isEqualTo("qbauth.pool.max-identities must be positive");
        FailureAnalysis plainHttp = analysis("qbauth.allow-plain-http=false");
        assertThat(plainHttp.getDescription()).startsWith("qbauth.endpoint uses plain http")
                .contains("qbauth.allow-plain-http=true");
        assertThat(analysis("qbauth.transport.keep-alive=false").getDescription())
                .startsWith("qbauth.transport.keep-alive");
    }

    @Test
    void the_analysis_never_quotes_the_value() {
        FailureAnalysis analysis = analysis("qbauth.auth-key=bad\u0001key-Qz7");
        assertThat(analysis.getDescription()).startsWith("qbauth.auth-key ").doesNotContain("key-Qz7");
        assertThat(analysis.getAction()).contains("qbauth.auth-key").contains("QBAUTH_AUTHKEY")
                .doesNotContain("key-Qz7");
    }

    @Test
    void the_analyzer_is_registered_for_spring_boot() {
        // Spring Boot's own analyzers need constructor arguments this plain load does not give: those are skipped
        List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation()
                .load(FailureAnalyzer.class, null, SpringFactoriesLoader.FailureHandler.handleMessage((message, e) -> {
                }));
        assertThat(analyzers).hasAtLeastOneElementOfType(QbAuthPropertyFailureAnalyzer.class);
    }

    private static FailureAnalysis analysis(String property) {
        FailureAnalysis[] result = new FailureAnalysis[1];
        TestEmulator.runner(EMULATOR).withPropertyValues(property).run(context -> {
            assertThat(context).hasFailed();
            result[0] = new QbAuthPropertyFailureAnalyzer().analyze(context.getStartupFailure());
        });
        assertThat(result[0]).as("an analysis of %s", property).isNotNull();
        return result[0];
    }
}
