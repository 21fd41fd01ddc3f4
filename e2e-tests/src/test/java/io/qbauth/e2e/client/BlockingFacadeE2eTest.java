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
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The blocking facade under many virtual threads: every call succeeds, on one shared session; on the JDK transport
 * each exchange runs on the thread of the call that waits for it.
 */
class BlockingFacadeE2eTest {

    private static final int THREADS = 2_000;

    @RegisterExtension
    // 2 000 blocking callers on the JDK transport open up to 2 000 connections (the JDK client's pool has no bound):
    // above the emulator's default cap of 1 000
    static final QbEmulatorExtension EMULATOR = QbEmulatorExtension.wrapping(QuickBloxFixture.emulator()
            .maxConnections(4_000));

    @Test
    void on_the_jdk_transport_each_blocking_call_runs_its_exchange_on_the_callers_own_thread() throws Exception {
        Queue<Boolean> onTheCaller = new ConcurrentLinkedQueue<>();
        TransportUnderTest jdk = TransportUnderTest.all().filter(t -> t.name().equals("jdk")).findFirst()
                .orElseThrow();
        try (Sdk sdk = Sdk.start(jdk, EMULATOR.emulator(), builder -> builder.decorateTransport(inner -> request -> {
            Thread caller = Thread.currentThread();
            return inner.execute(request).whenComplete((response, failure) ->
                    onTheCaller.add(Thread.currentThread() == caller));
        }))) {
            sdk.blocking().createApplicationSession();
            onTheCaller.clear(); // a session creation never runs on a lent thread

            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < 50; i++) {
                    threads.submit(() -> sdk.blocking().execute(ApiRequest.get("/session.json")));
                }
            }
            sdk.blocking().getSession();

            assertThat(onTheCaller).hasSize(51).containsOnly(true);
        }
    }

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
