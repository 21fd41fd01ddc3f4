package io.qbauth.adapter.metrics.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.qbauth.BlockingQbAuthClient;
import io.qbauth.QbAuthClient;
import io.qbauth.adapter.metrics.micrometer.support.Emulators;
import io.qbauth.testkit.TestClock;
import io.qbauth.domain.ApiRequest;
import io.qbauth.domain.Credentials;
import io.qbauth.domain.User;
import io.qbauth.emulator.QbEmulator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * 10 000 distinct users log in against the emulator, over {@value #CLIENTS} clients sharing one registry: the set of
 * meters after 100 logins is the set after 10 000, and no tag value names a user.
 */
class BoundedTagsTest {

    private static final int USERS = 10_000;
    private static final int CLIENTS = 8;

    @Test
    void the_number_of_meters_does_not_grow_with_the_number_of_users() throws Exception {
        QbEmulator.Builder emulatorBuilder = Emulators.builder(TestClock.followingSystem());
        for (int i = 0; i < USERS; i++) {
            emulatorBuilder.user(Emulators.APP_ID, login(i), password(i));
        }
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        List<QbAuthClient> clients = new ArrayList<>();
        try (QbEmulator emulator = emulatorBuilder.start()) {
            for (int c = 0; c < CLIENTS; c++) {
                clients.add(QbAuthMetrics.instrument(Emulators.client(emulator), registry).build());
            }

            logIn(clients, 0, 100);
            Set<Meter.Id> after100 = ids(registry);
            logIn(clients, 100, USERS);
            Set<Meter.Id> after10000 = ids(registry);

            assertThat(registry.get("qbauth.logins").counter().count()).isEqualTo(USERS);
            assertThat(after10000).hasSize(after100.size()).isEqualTo(after100);
        } finally {
            clients.forEach(QbAuthClient::close);
        }
        Set<String> tagValues = new HashSet<>();
        registry.getMeters().forEach(meter -> meter.getId().getTags().forEach(tag -> tagValues.add(tag.getValue())));
        assertThat(tagValues).noneMatch(value -> value.contains("user-") || value.contains("password-")
                || value.matches("\\d+") && !value.matches("[1-5]\\d\\d"));
    }

    /** Users {@code from} to {@code to} log in, spread over the clients; every tenth then reads their own user. */
    private static void logIn(List<QbAuthClient> clients, int from, int to) throws Exception {
        try (ExecutorService threads = Executors.newFixedThreadPool(clients.size())) {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < clients.size(); c++) {
                BlockingQbAuthClient client = clients.get(c).blocking();
                int first = from + c;
                done.add(threads.submit(() -> {
                    for (int i = first; i < to; i += clients.size()) {
                        User user = client.login(Credentials.login(login(i), password(i)));
                        if (i % 10 == 0) {
                            client.execute(ApiRequest.get("/users/" + user.id() + ".json"));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> clientDone : done) {
                clientDone.get();
            }
        }
    }

    private static Set<Meter.Id> ids(SimpleMeterRegistry registry) {
        Set<Meter.Id> ids = new HashSet<>();
        registry.getMeters().forEach(meter -> ids.add(meter.getId()));
        return ids;
    }

    private static String login(int i) {
        return "user-" + i;
    }

    private static String password(int i) {
        return "password-" + i;
    }
}
