package io.qbauth.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qbauth.loadtest.driver.SdkDriver;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class LoadConfigTest {

    private static LoadConfig config(String... pairs) {
        Properties props = new Properties();
        for (int i = 0; i < pairs.length; i += 2) {
            props.setProperty(pairs[i], pairs[i + 1]);
        }
        return LoadConfig.from(props);
    }

    @Test
    void theFullRunTargetsTheInProcessEmulatorWithTheJdkTransportAndTheBaseline() {
        LoadConfig config = config();

        assertThat(config.inProcessEmulator()).isTrue();
        assertThat(config.clients()).containsExactly("sdk-jdk", "raw");
        assertThat(config.idleWindow()).isGreaterThan(config.sessionTtl());
    }

    @Test
    void theSmokeRunIsShortAndCoversBothTransports() {
        LoadConfig config = config("qbauth.loadtest.profile", "smoke");

        assertThat(config.clients()).containsExactly("sdk-jdk", "sdk-vertx", "raw");
        assertThat(config.ramp().plus(config.stormDuration()).plus(config.refreshDuration()))
                .isLessThanOrEqualTo(Duration.ofSeconds(25));
    }

    @Test
    void transportsAndBaselineAreChosenByProperty() {
        LoadConfig config = config("transport", "vertx, jdk", "baseline", "false");

        assertThat(config.transports()).containsExactly(SdkDriver.Transport.VERTX, SdkDriver.Transport.JDK);
        assertThat(config.clients()).isEqualTo(List.of("sdk-vertx", "sdk-jdk"));
    }

    @Test
    void invalidValuesNameTheirProperty() {
        assertThatThrownBy(() -> config("transport", "netty")).hasMessageContaining("-Dtransport");
        assertThatThrownBy(() -> config("users", "0")).hasMessageContaining("-Dusers");
        assertThatThrownBy(() -> config("rate", "fast")).hasMessageContaining("-Drate");
    }

    @Test
    void aRemoteTargetNeedsItsApplicationAndUsersAndTakesNoSignUps() {
        assertThatThrownBy(() -> config("baseUrl", "https://api.example.invalid"))
                .hasMessageContaining("-DappId");
        LoadConfig remote = config("baseUrl", "https://api.example.invalid", "appId", "1", "authKey", "k",
                "authSecret", "s", "usersFile", "users.csv");

        assertThat(remote.inProcessEmulator()).isFalse();
        assertThat(remote.signUpEvery()).isZero();
        assertThat(remote.warmupLogins()).isZero();
        assertThat(remote.remoteApp().orElseThrow().toString()).doesNotContain("s]").contains("***");
    }

    @Test
    void the_full_run_has_thousands_of_pooled_users_and_the_smoke_run_a_few_hundred() {
        LoadConfig full = config();
        LoadConfig smoke = config("qbauth.loadtest.profile", LoadConfig.SMOKE);

        assertThat(full.manyUsers()).isTrue();
        assertThat(full.poolUsers()).isEqualTo(2000);
        assertThat(smoke.poolUsers()).isEqualTo(200);
        assertThat(smoke.poolThink()).isEqualTo(Duration.ofMillis(20));
    }

    @Test
    void zero_pool_users_turns_the_scenario_off() {
        assertThat(config("poolUsers", "0").manyUsers()).isFalse();
    }

    @Test
    void a_remote_target_never_runs_the_many_users_scenario() {
        LoadConfig remote = config("baseUrl", "https://api.example.invalid", "appId", "1",
                "authKey", "k", "authSecret", "s", "usersFile", "users.csv", "poolUsers", "500");

        assertThat(remote.poolUsers()).isZero();
        assertThat(remote.manyUsers()).isFalse();
    }

    @Test
    void invalid_pool_settings_name_the_property() {
        assertThatThrownBy(() -> config("poolCallersPerUser", "0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("poolCallersPerUser");
        assertThatThrownBy(() -> config("poolUsers", "-1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("poolUsers");
    }

    @Test
    void the_fleet_scenario_has_several_instances_for_the_same_users_and_a_plan_limit_they_need_sharing_for() {
        LoadConfig.Fleet smoke = config("qbauth.loadtest.profile", LoadConfig.SMOKE).fleet();
        LoadConfig.Fleet full = config().fleet();

        assertThat(smoke.enabled()).isTrue();
        assertThat(smoke.instances()).isGreaterThan(1);
        assertThat(smoke.duration()).isLessThanOrEqualTo(Duration.ofSeconds(30));
        assertThat(full.instances()).isGreaterThan(smoke.instances());
        // one creation per identity per second fits a coordinated fleet; one per identity and instance does not
        assertThat(full.creationsPerSecond()).isEqualTo(full.identities());
        assertThat(full.only()).isFalse();
    }

    @Test
    void the_fleet_scenario_is_off_with_zero_identities_or_against_a_remote_target() {
        assertThat(config("fleetIdentities", "0").fleet().enabled()).isFalse();
        LoadConfig remote = config("baseUrl", "https://api.example.invalid", "appId", "1",
                "authKey", "k", "authSecret", "s", "usersFile", "users.csv", "fleetIdentities", "50");

        assertThat(remote.fleet().enabled()).isFalse();
    }

    @Test
    void invalid_fleet_settings_name_the_property() {
        assertThatThrownBy(() -> config("fleetSides", "redis,memcached"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fleetSides");
        assertThatThrownBy(() -> config("fleetInstances", "0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fleetInstances");
        assertThatThrownBy(() -> config("fleetOnly", "true", "fleetIdentities", "0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fleetOnly");
    }
}
