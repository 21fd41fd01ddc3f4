package io.qbauth.emulator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qbauth.emulator.EmulatorApp;
import io.qbauth.emulator.PlanLimits;
import io.qbauth.emulator.QbEmulator;
import io.qbauth.emulator.support.Http;
import io.qbauth.emulator.support.QbClient;
import io.qbauth.emulator.support.Reply;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The standalone launcher's flags, help and exit codes. */
class CommandLineTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void defaults_to_the_demo_app_on_loopback_and_a_random_port() throws UsageException {
        CommandLineOptions options = CommandLineOptions.parse();

        assertThat(options.host()).isEqualTo("127.0.0.1");
        assertThat(options.port()).isZero();
        assertThat(options.apps()).containsExactly(CommandLineOptions.DEMO_APP);
        assertThat(options.sessionTtl()).isEqualTo(Duration.ofHours(2));
        assertThat(options.timestampWindow()).isEqualTo(Duration.ofMinutes(60));
        assertThat(options.passwordHashIterations()).isEqualTo(10_000);
        assertThat(options.maxBodyBytes()).isEqualTo(65_536);
        assertThat(options.help()).isFalse();
    }

    @Test
    void parses_every_flag_in_both_spellings() throws UsageException {
        CommandLineOptions options = CommandLineOptions.parse("--host", "0.0.0.0", "--port=8081",
                "--app", "1:key1:secret1", "--app=2:key2:secret2:api2", "--user", "alice:pa:ss", "--user=bob:pw123456",
                "--session-ttl", "5s", "--timestamp-window=10m", "--password-hash-iterations", "1000",
                "--max-body-bytes=1024");

        assertThat(options.host()).isEqualTo("0.0.0.0");
        assertThat(options.port()).isEqualTo(8081);
        assertThat(options.apps()).containsExactly(EmulatorApp.of(1, "key1", "secret1"),
                EmulatorApp.of(2, "key2", "secret2").withApiKey("api2"));
        assertThat(options.users()).containsExactly(new CommandLineOptions.UserFlag("alice", "pa:ss"),
                new CommandLineOptions.UserFlag("bob", "pw123456"));
        assertThat(options.users().get(0).toString()).doesNotContain("pa:ss");
        assertThat(options.sessionTtl()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.timestampWindow()).isEqualTo(Duration.ofMinutes(10));
        assertThat(options.passwordHashIterations()).isEqualTo(1000);
        assertThat(options.maxBodyBytes()).isEqualTo(1024);
    }

    @Test
    void parses_durations() throws UsageException {
        assertThat(DurationFlag.parse("--x", "500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(DurationFlag.parse("--x", "2h")).isEqualTo(Duration.ofHours(2));
        assertThat(DurationFlag.parse("--x", "1d")).isEqualTo(Duration.ofDays(1));
        assertThat(DurationFlag.parse("--x", "PT90S")).isEqualTo(Duration.ofSeconds(90));
        assertThatThrownBy(() -> DurationFlag.parse("--x", "soon")).isInstanceOf(UsageException.class)
                .hasMessageContaining("--x expects a duration");
        assertThatThrownBy(() -> DurationFlag.parse("--x", "0s")).isInstanceOf(UsageException.class)
                .hasMessageContaining("positive");
    }

    @Test
    void bad_flags_exit_with_code2_and_say_what_is_wrong() {
        assertThat(run("--bogus")).isEqualTo(2);
        assertThat(err()).contains("unknown option '--bogus'").contains("--help");
        assertThat(run("--port", "http")).isEqualTo(2);
        assertThat(err()).contains("--port expects a whole number from 0 to 65535, got 'http'");
        assertThat(run("--port")).isEqualTo(2);
        assertThat(err()).contains("--port needs a value");
        assertThat(run("--app", "1:key")).isEqualTo(2);
        assertThat(err()).contains("--app expects ID:KEY:SECRET[:APIKEY]");
        assertThat(run("--app", "x:key:secret")).isEqualTo(2);
        assertThat(run("--user", "nopassword")).isEqualTo(2);
        assertThat(run("--session-ttl", "forever")).isEqualTo(2);
        assertThat(out.size()).isZero();
    }

    @Test
    void help_prints_usage_and_exits_with0() {
        assertThat(run("--help")).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Usage: java -jar auth-emulator.jar [options]")
                .contains("--app ID:KEY:SECRET[:APIKEY]").contains("--session-ttl");
        assertThat(err.size()).isZero();
    }

    @Test
    void starts_announces_and_serves_the_configured_apps() {
        AtomicReference<Integer> status = new AtomicReference<>();

        int exit = EmulatorMain.run(new String[] {"--port", "0", "--user", "alice_qb:alicePass123",
                "--password-hash-iterations", "1000"}, print(out), print(err), emulator -> {
                    status.set(new Http(emulator.baseUrl()).get("/_emulator/stats").status());
                    emulator.close();
                });

        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).matches("listening on http://127\\.0\\.0\\.1:\\d+\\R");
        assertThat(status.get()).isEqualTo(200);
    }

    @Test
    void custom_identity_provider_mode_can_be_switched_on_from_the_command_line() {
        AtomicReference<Integer> status = new AtomicReference<>();
        AtomicReference<String> login = new AtomicReference<>();

        int exit = EmulatorMain.run(new String[] {"--port", "0", "--custom-identity-provider", "12345",
                "--password-hash-iterations", "1000"}, print(out), print(err), emulator -> {
                    QbClient client = new QbClient(emulator.baseUrl(), Clock.systemUTC());
                    Reply reply = client.postSigned(client.sessionParams("user[login]", "idp-user-42",
                            "user[password]", "idp-test:idp-user-42"), CommandLineOptions.DEMO_APP.authSecret());
                    status.set(reply.status());
                    login.set(new Http(emulator.baseUrl()).get("/users/1.json", "QB-Token",
                            reply.session().getString("token")).user().getString("login"));
                    emulator.close();
                });

        assertThat(exit).isZero();
        assertThat(status.get()).as(err()).isEqualTo(201);
        assertThat(login.get()).isEqualTo("idp-user-42");
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--custom-identity-provider ID");
        assertThat(run("--custom-identity-provider", "999")).isEqualTo(2);
        assertThat(err()).contains("--custom-identity-provider 999 names no application");
        assertThat(run("--custom-identity-provider", "x")).isEqualTo(2);
    }

    @Test
    void parses_the_limit_flags_and_masks_the_control_token() throws UsageException {
        CommandLineOptions options = CommandLineOptions.parse("--max-connections", "50", "--header-timeout=2s",
                "--idle-timeout", "30s", "--max-sessions=10", "--journal-size", "0", "--control-token", "tok3n-x");

        assertThat(options.maxConnections()).isEqualTo(50);
        assertThat(options.headerTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(options.idleTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.maxSessions()).isEqualTo(10);
        assertThat(options.journalSize()).isZero();
        assertThat(options.controlToken()).isEqualTo("tok3n-x");
        assertThat(options.toString()).doesNotContain("tok3n-x");
        assertThat(run("--max-connections", "0")).isEqualTo(2);
        assertThat(run("--control-token", "has space")).isEqualTo(2);
    }

    @Test
    void parses_the_account_key_and_masks_it() throws UsageException {
        CommandLineOptions options = CommandLineOptions.parse("--account-key", "acc-K3y-9");

        assertThat(options.accountKey()).isEqualTo("acc-K3y-9");
        assertThat(options.toString()).doesNotContain("acc-K3y-9");
        assertThat(CommandLineOptions.parse().accountKey()).isEqualTo(QbEmulator.AbstractBuilder.DEFAULT_ACCOUNT_KEY);
        assertThat(run("--account-key", "has space")).isEqualTo(2);
    }

    @Test
    void parses_the_plan_limit_flags() throws UsageException {
        assertThat(CommandLineOptions.parse().planLimits()).isEqualTo(PlanLimits.none());
        assertThat(CommandLineOptions.parse("--max-requests-per-second", "80", "--max-session-creations-per-minute=100")
                .planLimits()).isEqualTo(new PlanLimits(80, 100, Duration.ofMinutes(1)));
        assertThat(CommandLineOptions.parse("--max-session-creations-per-second", "5").planLimits())
                .isEqualTo(new PlanLimits(0, 5, Duration.ofSeconds(1)));
        try (QbEmulator emulator = CommandLineOptions.parse("--max-requests-per-second", "3").toBuilder().start()) {
            assertThat(emulator.planLimits().requestsPerSecond()).isEqualTo(3);
        }
    }

    @Test
    void bad_plan_limit_flags_exit_with_code_2() {
        assertThat(run("--max-requests-per-second", "-1")).isEqualTo(2);
        assertThat(err()).contains("--max-requests-per-second expects a whole number from 0 to 1000000, got '-1'");
        assertThat(run("--max-session-creations-per-minute", "lots")).isEqualTo(2);
        assertThat(run("--max-session-creations-per-second", "1", "--max-session-creations-per-minute", "1"))
                .isEqualTo(2);
        assertThat(err()).contains("exclude each other");
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--max-requests-per-second N")
                .contains("--max-session-creations-per-minute");
    }

    @Test
    void bound_off_loopback_it_warns_and_prints_the_generated_control_token() {
        AtomicReference<String> token = new AtomicReference<>();

        int exit = EmulatorMain.run(new String[] {"--host", "0.0.0.0", "--port", "0"}, print(out), print(err),
                emulator -> {
                    token.set(emulator.controlToken().orElseThrow());
                    emulator.close();
                });

        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("control token: " + token.get());
        assertThat(err()).contains("WARNING").contains("not loopback");
    }

    @Test
    void a_server_that_cannot_start_exits_with1() {
        try (QbEmulator taken = QbEmulator.builder().app(CommandLineOptions.DEMO_APP).start()) {
            assertThat(run("--port", Integer.toString(taken.port()))).isEqualTo(1);
            assertThat(err()).contains("cannot start: cannot listen on 127.0.0.1:" + taken.port());
        }
    }

    private int run(String... args) {
        err.reset();
        return EmulatorMain.run(args, print(out), print(err), QbEmulator::close);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static PrintStream print(ByteArrayOutputStream target) {
        return new PrintStream(target, true, StandardCharsets.UTF_8);
    }
}
