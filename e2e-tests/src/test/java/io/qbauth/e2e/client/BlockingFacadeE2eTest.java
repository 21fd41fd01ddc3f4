package io.qbauth.e2e.client;

import static io.qbauth.e2e.support.QuickBloxFixture.ALICE_LOGIN;
import static io.qbauth.e2e.support.QuickBloxFixture.ALICE_PASSWORD;
import static io.qbauth.e2e.support.QuickBloxFixture.APP_ID;
import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.domain.ApiRequest;
import io.qbauth.domain.Credentials;
import io.qbauth.domain.Session;
import io.qbauth.e2e.support.QuickBloxFixture;
import io.qbauth.e2e.support.Sdk;
import io.qbauth.e2e.support.TransportTest;
import io.qbauth.e2e.support.TransportUnderTest;
import io.qbauth.emulator.junit.QbEmulatorExtension;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The blocking facade under many virtual threads: every call succeeds, on one shared session. */
class BlockingFacadeE2eTest {

    private static final int THREADS = 2_000;

    @RegisterExtension
    static final QbEmulatorExtension EMULATOR = QbEmulatorExtension.wrapping(QuickBloxFixture.emulator());

    @TransportTest
    void two_thousand_virtual_threads_share_one_session(TransportUnderTest transport) throws Exception {
        try (Sdk sdk = Sdk.start(transport, EMULATOR.emulator())) {
            long aliceId = sdk.blocking().createUserSession(Credentials.login(ALICE_LOGIN, ALICE_PASSWORD)).userId();
            long createdBefore = EMULATOR.emulator().stats(APP_ID).sessionsCreated();
            List<Future<Integer>> calls;

            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                calls = IntStream.range(0, THREADS).mapToObj(i -> threads.submit(() ->
                        sdk.blocking().execute(ApiRequest.get("/users/" + aliceId + ".json")).status())).toList();
            }

            assertThat(calls).allSatisfy(call -> assertThat(call.get()).isEqualTo(200));
            assertThat(EMULATOR.emulator().stats(APP_ID).sessionsCreated()).isEqualTo(createdBefore);
            Session session = sdk.client().currentSession().orElseThrow();
            assertThat(sdk.recorder().sent("GET", "/users/" + aliceId + ".json"))
                    .hasSize(THREADS).allSatisfy(sent -> assertThat(sent.token()).isEqualTo(session.token().value()));
        }
    }
}
