package io.qbauth.e2e.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qbauth.QbAuthClient;
import io.qbauth.domain.ApplicationRejectedException;
import io.qbauth.domain.Session;
import io.qbauth.e2e.support.QuickBloxFixture;
import io.qbauth.e2e.support.RecordingTransport;
import io.qbauth.e2e.support.TransportTest;
import io.qbauth.e2e.support.TransportUnderTest;
import io.qbauth.emulator.QbEmulator;
import io.qbauth.spi.AuthTransport;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.IntStream;

/**
 * A client configured with an account key reads its API endpoint from {@code GET /account_settings.json} at the
 * configured endpoint, once, before its first request, as QuickBlox's own SDKs do (wire document, section 4.8).
 */
class AccountSettingsEndpointE2eTest {

    private static final String ACCOUNT_KEY = "e2e-account-KEY_42";
    private static final int CALLERS = 50;

    @TransportTest
    void concurrent_first_calls_share_one_discovery_then_use_the_discovered_endpoint(TransportUnderTest under) {
        try (QbEmulator emulator = QuickBloxFixture.emulator().accountKey(ACCOUNT_KEY).start();
                AuthTransport transport = under.create()) {
            RecordingTransport recorder = new RecordingTransport(transport);
            QbAuthClient client = QuickBloxFixture.client(emulator, recorder).accountKey(ACCOUNT_KEY).build();

            List<CompletableFuture<Session>> calls = IntStream.range(0, CALLERS)
                    .mapToObj(i -> client.getSession().toCompletableFuture()).toList();
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
            client.blocking().getSession();

            assertThat(recorder.sent("GET", "/account_settings.json")).hasSize(1);
            assertThat(recorder.sent("POST", "/session.json")).hasSize(1);
            assertThat(emulator.stats(QuickBloxFixture.APP_ID).sessionsCreated()).isEqualTo(1);
            client.close();
        }
    }

    @TransportTest
    void the_discovered_endpoint_is_where_sessions_are_created(TransportUnderTest under) {
        try (QbEmulator regional = QuickBloxFixture.emulator().start();
                QbEmulator global = QuickBloxFixture.emulator().accountKey(ACCOUNT_KEY)
                        .accountApiEndpoint(regional.baseUrl()).start();
                AuthTransport transport = under.create()) {
            QbAuthClient client = QuickBloxFixture.client(global, transport).accountKey(ACCOUNT_KEY).build();

            String token = client.blocking().createApplicationSession().token().value();

            assertThat(token).isNotBlank();
            assertThat(regional.stats(QuickBloxFixture.APP_ID).sessionsCreated()).isEqualTo(1);
            assertThat(global.stats(QuickBloxFixture.APP_ID).sessionsCreated()).isZero();
            client.close();
        }
    }

    @TransportTest
    void a_rejected_account_key_fails_typed_without_the_key_and_is_not_hammered(TransportUnderTest under) {
        try (QbEmulator emulator = QuickBloxFixture.emulator().accountKey(ACCOUNT_KEY).start();
                AuthTransport transport = under.create()) {
            RecordingTransport recorder = new RecordingTransport(transport);
            String wrongKey = "not-the-account-KEY_7";
            QbAuthClient client = QuickBloxFixture.client(emulator, recorder).accountKey(wrongKey).build();

            for (int attempt = 1; attempt <= 2; attempt++) {
                assertThatThrownBy(() -> client.getSession().toCompletableFuture().join())
                        .isInstanceOf(CompletionException.class)
                        .cause().isInstanceOf(ApplicationRejectedException.class)
                        .hasMessageContaining("account key was rejected")
                        .hasMessageNotContaining(wrongKey);
            }

            assertThat(recorder.sent("GET", "/account_settings.json"))
                    .as("a rejected key is a permanent failure: the second call fails without asking again")
                    .hasSize(1);
            assertThat(recorder.sent("POST", "/session.json")).as("nothing else is sent").isEmpty();
            client.close();
        }
    }
}
