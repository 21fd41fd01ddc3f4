package io.qbauth.emulator.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.emulator.QbEmulator;
import io.qbauth.emulator.support.Fixtures;
import io.qbauth.emulator.support.Http;
import io.qbauth.emulator.support.QbClient;
import io.qbauth.emulator.support.Reply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 17: nothing showed what the emulator received. {@code GET /_emulator/requests} is a bounded journal of the
 * last requests, with every credential masked.
 */
@Timeout(60)
class RequestJournalTest {

    private static final String FACEBOOK_SECRET = "fb-secret-Zq81";
    private static final String NEW_PASSWORD = "journalPass-9917";

    @Test
    void the_journal_shows_what_was_sent_with_every_credential_masked() {
        try (QbEmulator emu = Fixtures.standard(QbEmulator.builder(), Clock.systemUTC()).start()) {
            QbClient client = new QbClient(emu.baseUrl(), Clock.systemUTC());
            Http http = client.http();
            Reply created = client.createSession("user[login]", Fixtures.ALICE_LOGIN, "user[password]",
                    Fixtures.ALICE_PASSWORD);
            String token = created.session().getString("token");
            client.getSession(token);
            http.post("/users.json", Http.JSON, "{\"user\":{\"login\":\"journal_user\",\"password\":\""
                    + NEW_PASSWORD + "\"}}", "Authorization", "ApiKey " + Fixtures.API_KEY);
            http.post("/session.json?provider=facebook&keys%5Bsecret%5D=" + FACEBOOK_SECRET, Http.FORM,
                    "application_id=12345&keys[token]=fb-test:77&signature=abc");

            Reply journal = http.get("/_emulator/requests");

            assertThat(journal.status()).isEqualTo(200);
            String body = journal.body();
            for (String secret : new String[] {Fixtures.ALICE_PASSWORD, token, Fixtures.API_KEY, Fixtures.AUTH_KEY,
                    NEW_PASSWORD, FACEBOOK_SECRET, "fb-test:77",
                    Fixtures.AUTH_SECRET}) {
                assertThat(body).as("no credential in the journal").doesNotContain(secret);
            }
            JsonArray requests = journal.json().getJsonArray("requests");
            assertThat(requests).hasSize(4);
            JsonObject create = requests.getJsonObject(0);
            assertThat(create.getString("method")).isEqualTo("POST");
            assertThat(create.getString("path")).isEqualTo("/session.json");
            assertThat(create.getInteger("status")).isEqualTo(201);
            JsonObject params = create.getJsonObject("params");
            assertThat(params.getString("user[login]")).isEqualTo(Fixtures.ALICE_LOGIN);
            assertThat(params.getString("user[password]")).isEqualTo("***");
            assertThat(params.getString("signature")).isEqualTo("***");
            assertThat(params.getString("auth_key")).isEqualTo("***");
            assertThat(params.getString("application_id")).isEqualTo("12345");
            assertThat(requests.getJsonObject(1).getJsonObject("headers").getString("QB-Token")).isEqualTo("***");
            JsonObject signUp = requests.getJsonObject(2);
            assertThat(signUp.getJsonObject("headers").getString("Authorization")).isEqualTo("ApiKey ***");
            assertThat(signUp.getJsonObject("params").getString("user[password]")).isEqualTo("***");
            assertThat(signUp.getJsonObject("params").getString("user[login]")).isEqualTo("journal_user");
            JsonObject facebook = requests.getJsonObject(3);
            assertThat(facebook.getJsonObject("query").getString("keys[secret]")).isEqualTo("***");
            assertThat(facebook.getJsonObject("query").getString("provider")).isEqualTo("facebook");
            assertThat(facebook.getJsonObject("params").getString("keys[token]")).isEqualTo("***");
        }
    }

    @Test
    void the_journal_keeps_only_the_last_n_requests() {
        try (QbEmulator emu = Fixtures.standard(QbEmulator.builder(), Clock.systemUTC()).journalSize(5).start()) {
            Http http = new Http(emu.baseUrl());
            for (int i = 0; i < 40; i++) {
                http.get("/session.json?n=" + i);
            }

            JsonArray requests = http.get("/_emulator/requests").json().getJsonArray("requests");
            JsonArray lastTwo = http.get("/_emulator/requests?limit=2").json().getJsonArray("requests");

            assertThat(requests).hasSize(5);
            for (int i = 0; i < 5; i++) {
                assertThat(requests.getJsonObject(i).getJsonObject("query").getString("n"))
                        .isEqualTo(Integer.toString(35 + i));
                assertThat(requests.getJsonObject(i).getInteger("status")).isEqualTo(401);
            }
            assertThat(lastTwo).hasSize(2);
            assertThat(lastTwo.getJsonObject(1).getJsonObject("query").getString("n")).isEqualTo("39");
        }
    }

    @Test
    void a_journal_of_size_zero_records_nothing() {
        try (QbEmulator emu = Fixtures.standard(QbEmulator.builder(), Clock.systemUTC()).journalSize(0).start()) {
            Http http = new Http(emu.baseUrl());
            http.get("/session.json");

            assertThat(http.get("/_emulator/requests").json().getJsonArray("requests")).isEmpty();
        }
    }
}
