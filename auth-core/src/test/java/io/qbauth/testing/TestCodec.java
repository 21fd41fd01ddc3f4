package io.qbauth.testing;

import io.qbauth.domain.ErrorDetails;
import io.qbauth.domain.ProtocolException;
import io.qbauth.domain.User;
import io.qbauth.spi.AccountSettingsPayload;
import io.qbauth.spi.JsonCodec;
import io.qbauth.spi.SessionPayload;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@link JsonCodec} for auth-core's own tests, on {@link MiniJson}. */
public final class TestCodec implements JsonCodec {

    @Override
    public SessionPayload readSession(byte[] body, int status) {
        Map<String, Object> session = member(readObject(body, status), "session", status);
        Object token = session.get("token");
        if (!(token instanceof String t)) {
            throw new ProtocolException("session without token", status, ErrorDetails.NONE);
        }
        return new SessionPayload(number(session.get("id")), number(session.get("application_id")),
                number(session.get("user_id")), t, instant(session.get("created_at")));
    }

    @Override
    public User readUser(byte[] body, int status) {
        Map<String, Object> user = member(readObject(body, status), "user", status);
        String tags = (String) user.get("user_tags");
        return new User(number(user.get("id")), text(user, "login"), text(user, "email"), text(user, "full_name"),
                text(user, "phone"), text(user, "website"),
                Optional.ofNullable(user.get("external_user_id")).map(TestCodec::number), text(user, "facebook_id"),
                text(user, "custom_data"), tags == null ? List.of() : Arrays.asList(tags.split(",")),
                instant(user.get("created_at")), instant(user.get("updated_at")), instant(user.get("last_request_at")));
    }

    @Override
    public AccountSettingsPayload readAccountSettings(byte[] body, int status) {
        Map<String, Object> settings = readObject(body, status);
        if (!(settings.get("api_endpoint") instanceof String api)) {
            throw new ProtocolException("account settings without api_endpoint", status, ErrorDetails.NONE);
        }
        return new AccountSettingsPayload(api, Optional.ofNullable((String) settings.get("chat_endpoint")));
    }

    @Override
    public ErrorDetails readErrors(byte[] body, int status) {
        Object errors = readObject(body, status).get("errors");
        if (errors instanceof List<?> list) {
            return ErrorDetails.ofMessages(list.stream().map(String::valueOf).toList());
        }
        if (errors instanceof Map<?, ?> map) {
            List<String> base = new ArrayList<>();
            Map<String, List<String>> fields = new LinkedHashMap<>();
            map.forEach((field, messages) -> {
                List<String> texts = ((List<?>) messages).stream().map(String::valueOf).toList();
                if (field.equals("base")) {
                    base.addAll(texts);
                } else {
                    fields.put(String.valueOf(field), texts);
                }
            });
            return new ErrorDetails(base, fields);
        }
        throw new ProtocolException("no errors member", status, ErrorDetails.NONE);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readObject(byte[] body, int status) {
        try {
            Object parsed = MiniJson.parse(new String(body, StandardCharsets.UTF_8));
            if (parsed instanceof Map<?, ?> map) {
                return (Map<String, Object>) map;
            }
        } catch (RuntimeException e) {
            throw new ProtocolException("not JSON", status, ErrorDetails.NONE, e);
        }
        throw new ProtocolException("not a JSON object", status, ErrorDetails.NONE);
    }

    @Override
    public byte[] write(Object tree) {
        return MiniJson.write(tree).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String name() {
        return "test";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> member(Map<String, Object> root, String name, int status) {
        if (root.get(name) instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new ProtocolException("no " + name + " member", status, ErrorDetails.NONE);
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : value == null ? 0 : Long.parseLong(value.toString());
    }

    private static Optional<String> text(Map<String, Object> map, String key) {
        return Optional.ofNullable(map.get(key)).map(String::valueOf);
    }

    private static Optional<Instant> instant(Object value) {
        return value == null ? Optional.empty() : Optional.of(OffsetDateTime.parse(value.toString()).toInstant());
    }
}
