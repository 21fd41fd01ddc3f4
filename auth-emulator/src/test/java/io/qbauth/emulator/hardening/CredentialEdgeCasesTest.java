package io.qbauth.emulator.hardening;

import static io.qbauth.emulator.support.ReplyAssertions.assertJsonReply;
import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.emulator.QbEmulator;
import io.qbauth.emulator.support.Fixtures;
import io.qbauth.emulator.support.QbClient;
import io.qbauth.emulator.support.Reply;
import io.qbauth.emulator.support.Signing;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 16, item 15: an overflowing timestamp slipped past the window and the replay check; non-ASCII digits in a
 * signature passed the hex check and ended as 400 plus a WARNING per request; the Kelvin sign (U+212A) matched an ASCII
 * {@code K} through Unicode lower-casing.
 */
@Timeout(60)
class CredentialEdgeCasesTest {

    private static final String OUTSIDE_WINDOW = "{\"errors\":{\"base\":[\"Timestamp is outside the allowed window\"]}}";
    private static final String UNEXPECTED_SIGNATURE = "{\"errors\":{\"base\":[\"Unexpected signature\"]}}";
    private static final String UNAUTHORIZED = "{\"errors\":[\"Unauthorized\"]}";
    private static final String KELVIN = "\u212A";

    private final QbEmulator emu = Fixtures.standard(QbEmulator.builder(), Clock.systemUTC())
            .user(Fixtures.APP_ID, "kate_user", "katePass123", "kate@example.com", "Kate")
            .start();
    private final QbClient client = new QbClient(emu.baseUrl(), Clock.systemUTC());
    private final Logger emulatorLogger = Logger.getLogger("io.qbauth.emulator");
    private final List<LogRecord> warnings = new ArrayList<>();
    private final Handler warningCapture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                synchronized (warnings) {
                    warnings.add(record);
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @AfterEach
    void stop() {
        emulatorLogger.removeHandler(warningCapture);
        emu.close();
    }

    @Test
    void a_timestamp_that_overflows_the_distance_to_now_is_outside_the_window_every_time() {
        long now = Clock.systemUTC().instant().getEpochSecond();
        for (long hostile : new long[] {now + Long.MIN_VALUE, Long.MIN_VALUE, Long.MAX_VALUE}) {
            Map<String, String> params = client.sessionParams();
            params.put("timestamp", Long.toString(hostile));
            Map<String, String> signed = Signing.signed(params, Fixtures.AUTH_SECRET);

            assertJsonReply(client.http().post("/session.json", "application/x-www-form-urlencoded",
                    Signing.jsForm(signed)), 422, OUTSIDE_WINDOW);
            assertJsonReply(client.http().post("/session.json", "application/x-www-form-urlencoded",
                    Signing.jsForm(signed)), 422, OUTSIDE_WINDOW);
        }
        assertThat(emu.stats(Fixtures.APP_ID).sessionsCreated()).isZero();
    }

    @Test
    void non_ascii_digits_in_a_signature_are_an_unexpected_signature_without_a_warning() {
        emulatorLogger.addHandler(warningCapture);
        String valid = Signing.signed(client.sessionParams(), Fixtures.AUTH_SECRET).get("signature");
        for (String digit : new String[] {"\u0661", "\uFF10", "\uFF41", "\u0966"}) {
            Map<String, String> params = client.sessionParams();
            Map<String, String> signed = Signing.signed(params, Fixtures.AUTH_SECRET);
            signed.put("signature", digit + signed.get("signature").substring(1));

            Reply reply = client.http().post("/session.json", "application/x-www-form-urlencoded",
                    Signing.jsForm(signed));

            assertJsonReply(reply, 422, UNEXPECTED_SIGNATURE);
        }
        assertThat(valid).hasSize(40);
        assertThat(warnings).as("no WARNING log line per hostile request").isEmpty();
    }

    @Test
    void the_kelvin_sign_is_not_an_ascii_k_for_logins_and_emails_while_ascii_letters_stay_case_insensitive() {
        assertJsonReply(client.createSession("user[login]", KELVIN + "ate_user", "user[password]", "katePass123"),
                401, UNAUTHORIZED);
        assertJsonReply(client.createSession("user[email]", KELVIN + "ate@example.com", "user[password]",
                "katePass123"), 401, UNAUTHORIZED);
        String appToken = client.appToken();
        assertThat(client.login(appToken, "login=%E2%84%AAate_user&password=katePass123").status()).isEqualTo(401);

        assertThat(client.createSession("user[login]", "KATE_USER", "user[password]", "katePass123").status())
                .as("ASCII letters still match case-insensitively").isEqualTo(201);
        assertThat(client.createSession("user[email]", "Kate@Example.COM", "user[password]", "katePass123")
                .status()).isEqualTo(201);
    }

    @Test
    void a_login_or_email_not_in_unicode_nfc_is_refused_at_sign_up() {
        String appToken = client.appToken();

        assertJsonReply(client.signUp(appToken, "user[login]=%E2%84%AAate_user&user[password]=somePass123"), 422,
                "{\"errors\":{\"login\":[\"is invalid\"]}}");
        assertJsonReply(client.signUp(appToken, "user[login]=jose_e%CC%81&user[password]=somePass123"), 422,
                "{\"errors\":{\"login\":[\"is invalid\"]}}");
        assertJsonReply(client.signUp(appToken, "user[email]=%E2%84%AAate2@example.com&user[password]=somePass123"),
                422, "{\"errors\":{\"email\":[\"is invalid\"]}}");
        assertThat(client.signUp(appToken, "user[login]=jos%C3%A9&user[password]=somePass123").status())
                .as("the NFC form of the same name").isEqualTo(201);
    }
}
