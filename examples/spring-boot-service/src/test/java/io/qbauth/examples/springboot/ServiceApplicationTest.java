package io.qbauth.examples.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.emulator.junit.QbEmulatorExtension;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service on a random port against the real emulator over real HTTP: sign-up, a minted token for a front end,
 * an authenticated QuickBlox call, then what Actuator shows of qbauth (health, Prometheus) and what it hides.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // show values, so that the test proves the qbauth secrets are masked by qbauth, not by Boot's default
        "management.endpoint.env.show-values=always",
        "management.endpoint.configprops.show-values=always"})
class ServiceApplicationTest {

    @RegisterExtension
    static final QbEmulatorExtension EMULATOR = QbEmulatorExtension.builder().host("127.0.0.1").port(0)
            .app(io.qbauth.emulator.EmulatorApp.of(DevServiceApplication.APP_ID, DevServiceApplication.AUTH_KEY,
                    DevServiceApplication.AUTH_SECRET))
            .passwordHashIterations(1)
            .build();

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void quickblox(DynamicPropertyRegistry registry) {
        for (String property : DevServiceApplication.properties(EMULATOR.emulator())) {
            int eq = property.indexOf('=');
            registry.add(property.substring(0, eq), () -> property.substring(eq + 1));
        }
    }

    @AfterAll
    static void closeHttp() {
        HTTP.close();
    }

    @Test
    void signs_up_mints_a_front_end_token_calls_quickblox_and_shows_it_in_actuator() throws Exception {
        HttpResponse<String> signedUp = post("/api/users", "{\"login\":\"carol_qb\",\"password\":\"carolPass123\"}");
        assertThat(signedUp.statusCode()).isEqualTo(201);
        long id = Long.parseLong(field(signedUp.body(), "id"));

        HttpResponse<String> token = post("/api/tokens", "{\"login\":\"carol_qb\",\"password\":\"carolPass123\"}");
        assertThat(token.statusCode()).isEqualTo(200);
        assertThat(field(token.body(), "userId")).isEqualTo(Long.toString(id));
        String minted = field(token.body(), "token");
        HttpResponse<String> adopted = HTTP.send(HttpRequest.newBuilder(EMULATOR.baseUrl().resolve("/session.json"))
                .header("QB-Token", minted).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(adopted.statusCode()).as("the front end can use the minted token").isEqualTo(200);

        HttpResponse<String> user = get("/api/users/" + id);
        assertThat(user.statusCode()).isEqualTo(200);
        assertThat(user.body()).contains("carol_qb");

        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.body()).contains("\"qbauth\"").contains("\"session\":\"present\"")
                .contains("\"kind\":\"APPLICATION\"").doesNotContain(minted);

        HttpResponse<String> prometheus = get("/actuator/prometheus");
        assertThat(prometheus.body()).contains("qbauth_operations_seconds_count")
                .contains("qbauth_http_client_requests_seconds_count").contains("qbauth_pool_identities");

        assertThat(post("/api/tokens", "{\"login\":\"dave_qb\",\"password\":\"wrongPass123\"}").statusCode())
                .as("QuickBlox refuses the credentials: a typed error, mapped by the service").isEqualTo(401);
    }

    @Test
    void actuator_env_and_configprops_hide_the_secret() throws Exception {
        HttpResponse<String> env = get("/actuator/env");
        assertThat(env.statusCode()).isEqualTo(200);
        assertThat(env.body()).contains("qbauth.auth-secret").doesNotContain(DevServiceApplication.AUTH_SECRET)
                .contains(DevServiceApplication.AUTH_KEY);
        HttpResponse<String> configprops = get("/actuator/configprops");
        assertThat(configprops.statusCode()).isEqualTo(200);
        assertThat(configprops.body()).contains("authSecret").doesNotContain(DevServiceApplication.AUTH_SECRET)
                .contains(DevServiceApplication.AUTH_KEY);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String field(String json, String name) {
        Matcher value = Pattern.compile("\"" + name + "\":\"?([^\",}]+)").matcher(json);
        assertThat(value.find()).as("%s in %s", name, json).isTrue();
        return value.group(1);
    }
}
