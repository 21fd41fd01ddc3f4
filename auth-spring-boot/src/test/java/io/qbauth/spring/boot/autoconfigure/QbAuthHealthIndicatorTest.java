package io.qbauth.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qbauth.BlockingQbAuthClient;
import io.qbauth.domain.ApplicationRejectedException;
import io.qbauth.domain.Session;
import io.qbauth.emulator.junit.QbEmulatorExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;

/** The {@code qbauth} health component reads cached state only: it never sends a request. */
class QbAuthHealthIndicatorTest {

    @RegisterExtension
    static final QbEmulatorExtension EMULATOR = TestEmulator.extension();

    @Test
    void before_any_call_it_is_up_without_a_session_and_creates_none() {
        TestEmulator.runner(EMULATOR).run(context -> {
            long requestsBefore = EMULATOR.emulator().stats(TestEmulator.APP_ID).requests();
            Health health = context.getBean("qbauthHealthIndicator", HealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("session", "none").doesNotContainKey("lastCreationError");
            assertThat(EMULATOR.emulator().stats(TestEmulator.APP_ID).requests()).isEqualTo(requestsBefore);
        });
    }

    @Test
    void a_held_session_shows_its_kind_and_time_to_expiry_but_no_token() {
        TestEmulator.runner(EMULATOR).run(context -> {
            Session session = context.getBean(BlockingQbAuthClient.class).createApplicationSession();
            long requestsBefore = EMULATOR.emulator().stats(TestEmulator.APP_ID).requests();
            Health health = context.getBean("qbauthHealthIndicator", HealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("session", "present").containsEntry("kind", "APPLICATION");
            Duration expiresIn = Duration.parse((String) health.getDetails().get("expiresIn"));
            assertThat(expiresIn).isPositive().isLessThanOrEqualTo(Duration.ofHours(2));
            assertThat(health.toString()).doesNotContain(session.token().value())
                    .doesNotContain(TestEmulator.AUTH_SECRET);
            assertThat(EMULATOR.emulator().stats(TestEmulator.APP_ID).requests()).isEqualTo(requestsBefore);
        });
    }

    @Test
    void a_failed_creation_without_a_session_is_down_with_the_error_class() {
        TestEmulator.runner(EMULATOR).withPropertyValues("qbauth.auth-secret=not-the-secret").run(context -> {
            assertThatThrownBy(() -> context.getBean(BlockingQbAuthClient.class).createApplicationSession())
                    .isInstanceOf(ApplicationRejectedException.class);
            HealthIndicator indicator = context.getBean("qbauthHealthIndicator", HealthIndicator.class);
            TestEmulator.awaitTrue(() -> indicator.health().getStatus().equals(Status.DOWN));
            Health health = indicator.health();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("lastCreationError", "ApplicationRejectedException")
                    .containsEntry("session", "none");
            assertThat(health.toString()).doesNotContain("not-the-secret");
        });
    }

    @Test
    void it_can_be_switched_off_and_needs_the_health_module() {
        TestEmulator.runner(EMULATOR).withPropertyValues("management.health.qbauth.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("qbauthHealthIndicator"));
        TestEmulator.runner(EMULATOR).withClassLoader(new FilteredClassLoader(HealthIndicator.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("qbauthHealthIndicator"));
    }
}
