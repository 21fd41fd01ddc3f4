package io.qbauth.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.domain.ApiRequest;
import io.qbauth.domain.ApplicationRejectedException;
import io.qbauth.domain.AuthException;
import io.qbauth.domain.InsufficientSessionException;
import io.qbauth.domain.InvalidCredentialsException;
import io.qbauth.domain.ProtocolException;
import io.qbauth.domain.RateLimitedException;
import io.qbauth.domain.RequestRejectedException;
import io.qbauth.domain.ServerException;
import io.qbauth.domain.SessionExpiredException;
import io.qbauth.domain.ValidationException;
import io.qbauth.domain.ApiResponse;
import io.qbauth.testing.TestCodec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import io.qbauth.config.QbAuthConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ErrorClassifierTest {

    private static final ApiRequest CALL = ApiRequest.get("/users/42.json");
    private final ErrorClassifier classifier = new ErrorClassifier(new TestCodec(),
            Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC),
            new Redactor(QbAuthConfig.builder().applicationId(1).authKey("key-of-the-app")
                    .authSecret("secret-of-the-app").build()));

    static Stream<Arguments> rows() {
        return Stream.of(
                Arguments.of(401, "{\"errors\":[\"Unauthorized\"]}", InvalidCredentialsException.class),
                Arguments.of(401, "{\"errors\":{\"base\":[\"Required session does not exist\"]}}",
                        SessionExpiredException.class),
                Arguments.of(401, "{\"errors\":[\"Token is required\"]}", SessionExpiredException.class),
                Arguments.of(401, "<html>nope</html>", ProtocolException.class),
                Arguments.of(401, "", ProtocolException.class),
                Arguments.of(422, "{\"errors\":{\"base\":[\"Unexpected signature\"]}}",
                        ApplicationRejectedException.class),
                Arguments.of(422, "{\"errors\":{\"base\":[\"No Application Found\"]}}",
                        ApplicationRejectedException.class),
                Arguments.of(422, "{\"errors\":{\"base\":[\"Forbidden. Need user.\"]}}",
                        InsufficientSessionException.class),
                Arguments.of(422, "{\"errors\":{\"login\":[\"has already been taken\"]}}", ValidationException.class),
                Arguments.of(422, "not json", ProtocolException.class),
                Arguments.of(403, "{\"errors\":{\"base\":[\"Forbidden. Need user.\"]}}",
                        InsufficientSessionException.class),
                Arguments.of(403, "", InsufficientSessionException.class),
                Arguments.of(429, "", RateLimitedException.class),
                Arguments.of(400, "{\"errors\":[\"Bad Request\"]}", RequestRejectedException.class),
                Arguments.of(404, "<html>Not Found</html>", RequestRejectedException.class),
                Arguments.of(500, "<html>oops</html>", ServerException.class),
                Arguments.of(503, "", ServerException.class),
                Arguments.of(302, "", ProtocolException.class));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("rows")
    void each_row_maps_to_its_exception(int status, String body, Class<? extends AuthException> expected) {
        AuthException e = classifier.classify(CALL, response(status, body, Map.of()));

        assertThat(e).isInstanceOf(expected);
        assertThat(e.status()).isEqualTo(status);
        assertThat(e.getMessage()).startsWith("GET /users/42.json failed with HTTP " + status);
    }

    @Test
    void the_message_carries_the_quickblox_messages_and_field_errors() {
        AuthException e = classifier.classify(ApiRequest.post("/users.json"), response(422,
                "{\"errors\":{\"login\":[\"has already been taken\"],\"password\":[\"is too short\"]}}", Map.of()));

        assertThat(e.getMessage()).endsWith(": login has already been taken; password is too short");
        assertThat(e.fieldErrors()).containsEntry("login", List.of("has already been taken"));
    }

    @Test
    void a_401_on_an_api_key_call_means_the_key_was_rejected() {
        ApiRequest apiKeyCall = ApiRequest.post("/users.json").header("Authorization", "ApiKey k");

        assertThat(classifier.classify(apiKeyCall, response(401, "{\"errors\":[\"Unauthorized\"]}", Map.of())))
                .isInstanceOf(ApplicationRejectedException.class);
    }

    @Test
    void retry_after_is_read_in_seconds_and_as_a_date() {
        RateLimitedException seconds = (RateLimitedException) classifier.classify(CALL,
                response(429, "", Map.of("Retry-After", "7")));
        RateLimitedException date = (RateLimitedException) classifier.classify(CALL,
                response(429, "", Map.of("Retry-After", "Tue, 01 Jan 2030 00:00:30 GMT")));
        RateLimitedException none = (RateLimitedException) classifier.classify(CALL, response(429, "", Map.of()));

        assertThat(seconds.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(date.retryAfter()).contains(Duration.ofSeconds(30));
        assertThat(none.retryAfter()).isEmpty();
    }

    @Test
    void hostile_retry_after_values_are_kept_as_sent_and_stated_in_the_message() {
        RateLimitedException day = (RateLimitedException) classifier.classify(CALL,
                response(429, "", Map.of("Retry-After", "86400")));
        RateLimitedException digits = (RateLimitedException) classifier.classify(CALL,
                response(429, "", Map.of("Retry-After", "9".repeat(25))));
        RateLimitedException unicodeDigits = (RateLimitedException) classifier.classify(CALL,
                response(429, "", Map.of("Retry-After", "\u0663\u0663")));

        assertThat(day.retryAfter()).contains(Duration.ofDays(1));
        assertThat(day.getMessage()).endsWith("(Retry-After: 86400 s)");
        assertThat(digits.retryAfter()).contains(Duration.ofSeconds(Long.MAX_VALUE));
        assertThat(unicodeDigits.retryAfter()).as("only ASCII digits are seconds").isEmpty();
    }

    @Test
    void server_text_that_echoes_the_request_is_redacted_in_message_and_details() {
        ApiRequest login = ApiRequest.post("/login.json").formBody(Map.of("login", "eve", "password", "evePW-12345"));
        var failure = classifier.classify(login, response(422,
                "{\"errors\":{\"base\":[\"login=eve&password=evePW-12345\"]}}", Map.of()));

        assertThat(failure.getMessage()).doesNotContain("evePW-12345").contains("login=eve");
        assertThat(failure.details().toString()).doesNotContain("evePW-12345");
    }

    @Test
    void only_a_401_with_the_exact_message_means_the_session_is_gone() {
        assertThat(classifier.isSessionGone(response(401,
                "{\"errors\":{\"base\":[\"Required session does not exist\"]}}", Map.of()))).isTrue();
        assertThat(classifier.isSessionGone(response(401, "{\"errors\":[\"Unauthorized\"]}", Map.of()))).isFalse();
        assertThat(classifier.isSessionGone(response(401, "{\"errors\":[\"Token is required\"]}", Map.of())))
                .isFalse();
        assertThat(classifier.isSessionGone(response(422,
                "{\"errors\":{\"base\":[\"Required session does not exist\"]}}", Map.of()))).isFalse();
        assertThat(classifier.isSessionGone(response(401, "garbage", Map.of()))).isFalse();
    }

    private static ApiResponse response(int status, String body, Map<String, String> headers) {
        Map<String, List<String>> h = new java.util.HashMap<>();
        headers.forEach((k, v) -> h.put(k, List.of(v)));
        return new ApiResponse(status, h, body.getBytes(StandardCharsets.UTF_8));
    }
}
