package io.qbauth.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qbauth.domain.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SharedStoreValuesTest {

    private static final byte[] SECRET = "application-secret".getBytes(StandardCharsets.UTF_8);

    @Test
    void derive_is_stable_and_keyed_and_never_shows_the_login() {
        FleetIdentity one = FleetIdentity.derive(42, SECRET, "login:alice@example.com");
        FleetIdentity again = FleetIdentity.derive(42, SECRET, "login:alice@example.com");
        FleetIdentity otherSecret = FleetIdentity.derive(42, "other".getBytes(StandardCharsets.UTF_8),
                "login:alice@example.com");
        FleetIdentity otherApp = FleetIdentity.derive(43, SECRET, "login:alice@example.com");
        FleetIdentity otherUser = FleetIdentity.derive(42, SECRET, "login:bob@example.com");

        assertThat(one).isEqualTo(again);
        assertThat(one.digest()).hasSize(32).matches("[0-9a-f]+");
        assertThat(java.util.List.of(otherSecret.digest(), otherApp.digest(), otherUser.digest()))
                .doesNotContain(one.digest()).doesNotHaveDuplicates();
        assertThat(one.toString()).doesNotContain("alice");
    }

    @Test
    void an_application_id_and_the_identity_key_cannot_be_confused() {
        assertThat(FleetIdentity.derive(1, SECRET, "2x")).isNotEqualTo(FleetIdentity.derive(12, SECRET, "x"));
    }

    @Test
    void bad_values_are_typed_errors() {
        assertThatThrownBy(() -> FleetIdentity.derive(0, SECRET, "k")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> FleetIdentity.derive(1, new byte[0], "k")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> FleetIdentity.derive(1, SECRET, "")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new FleetIdentity(1, "ABC")).isInstanceOf(InvalidInputException.class);
        FleetIdentity id = FleetIdentity.derive(1, SECRET, "k");
        assertThatThrownBy(() -> new Lease(id, "owner", 0, Duration.ofSeconds(1)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new Lease(id, "owner", 1, Duration.ZERO)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new LeaseOutcome.Held(Duration.ofMillis(-1), Optional.empty()))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new SharedSession(null, 1)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void a_lease_hides_its_owner_token() {
        Lease lease = new Lease(FleetIdentity.derive(1, SECRET, "k"), "s3cr3t-owner", 7, Duration.ofSeconds(5));
        assertThat(lease.toString()).doesNotContain("s3cr3t-owner").contains("generation=7");
    }

    @Test
    void a_store_failure_keeps_its_reason() {
        SharedStoreException e = new SharedStoreException(SharedStoreException.Reason.TIMEOUT, "read", null);
        assertThat(e.reason()).isEqualTo(SharedStoreException.Reason.TIMEOUT);
        assertThat(e.getMessage()).startsWith("TIMEOUT");
    }
}
