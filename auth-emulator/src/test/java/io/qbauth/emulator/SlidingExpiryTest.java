package io.qbauth.emulator;

import static io.qbauth.emulator.support.ReplyAssertions.assertJsonReply;
import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.emulator.support.Fixtures;
import io.qbauth.emulator.support.MutableClock;
import io.qbauth.emulator.support.QbClient;
import io.qbauth.emulator.support.Reply;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Sessions die a TTL after their last use; every authenticated request pushes the expiry and reports it. */
class SlidingExpiryTest {

    private static final String GONE = "{\"errors\":{\"base\":[\"Required session does not exist\"]}}";

    private final MutableClock clock = new MutableClock(Fixtures.PINNED);
    private QbEmulator emulator;

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void each_use_extends_the_default_two_hour_lifetime() {
        QbClient client = start(Duration.ofHours(2));
        String token = client.appToken();

        clock.advance(Duration.ofMinutes(119));
        Reply stillAlive = client.getSession(token);
        clock.advance(Duration.ofMinutes(119));
        Reply slid = client.getSession(token);

        assertThat(stillAlive.status()).isEqualTo(200);
        assertThat(stillAlive.header("QB-Token-ExpirationDate")).isEqualTo("2023-11-15 02:12:20 UTC");
        assertThat(slid.status()).as("alive 238 minutes after creation: the expiry slid").isEqualTo(200);
        assertThat(slid.header("QB-Token-ExpirationDate")).isEqualTo("2023-11-15 04:11:20 UTC");

        clock.advance(Duration.ofMinutes(120));
        Reply expired = client.getSession(token);

        assertJsonReply(expired, 401, GONE);
        assertThat(expired.header("QB-Token-ExpirationDate")).isNull();
    }

    @Test
    void a_short_ttl_expires_idle_sessions_and_live_sessions_drop() {
        QbClient client = start(Duration.ofSeconds(5));
        String idle = client.appToken();
        String busy = client.userToken(Fixtures.ALICE_LOGIN, Fixtures.ALICE_PASSWORD);
        assertThat(emulator.stats(Fixtures.APP_ID).liveSessions()).isEqualTo(2);

        clock.advance(Duration.ofSeconds(4));
        assertThat(client.getSession(busy).status()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(4));

        assertJsonReply(client.getSession(idle), 401, GONE);
        assertThat(client.getSession(busy).status()).isEqualTo(200);
        assertThat(emulator.stats(Fixtures.APP_ID).liveSessions()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(6));
        assertThat(emulator.stats(Fixtures.APP_ID).liveSessions()).isZero();
    }

    @Test
    void expired_tokens_are_refused_everywhere() {
        QbClient client = start(Duration.ofSeconds(5));
        String token = client.appToken();
        clock.advance(Duration.ofSeconds(5));

        assertJsonReply(client.login(token, "login=alice_qb&password=alicePass123"), 401, GONE);
        assertJsonReply(client.logout(token), 401, GONE);
        assertJsonReply(client.signUp(token, "user[login]=late&user[password]=latePass12"), 401, GONE);
        assertJsonReply(client.deleteSession(token), 401, GONE);
    }

    @Test
    void create_reports_now_plus_ttl_even_on_bad_credentials() {
        QbClient client = start(Duration.ofMinutes(30));
        clock.advance(Duration.ofSeconds(42));

        Reply created = client.createSession();
        Reply unauthorized = client.createSession("user[login]", "alice_qb", "user[password]", "WRONGpass999");

        assertThat(created.header("QB-Token-ExpirationDate")).isEqualTo("2023-11-14 22:44:02 UTC");
        assertThat(unauthorized.header("QB-Token-ExpirationDate")).isEqualTo("2023-11-14 22:44:02 UTC");
    }

    private QbClient start(Duration ttl) {
        emulator = Fixtures.standard(QbEmulator.builder(), clock).sessionTtl(ttl).start();
        return new QbClient(emulator.baseUrl(), clock);
    }
}
