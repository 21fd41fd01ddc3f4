package io.qbauth.emulator.internal.http.control;

import io.qbauth.emulator.Fault;
import io.qbauth.emulator.FaultRule;
import io.qbauth.emulator.internal.http.rendering.ApiException;
import io.qbauth.emulator.internal.http.rendering.JsonWriter;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON form of faults for {@code /_emulator/faults}: a request body such as
 * {@code {"fault":"connection_reset","method":"POST","path":"/users.json","times":1,"application_id":12345}} (plus
 * {@code latency_ms}, {@code retry_after_seconds}, or a custom reply's {@code status}, {@code headers},
 * {@code body}), and the rule views in replies.
 */
final class FaultSpecs {

    private static final Set<String> MEMBERS = Set.of("fault", "method", "path", "times", "application_id",
            "latency_ms", "retry_after_seconds", "status", "headers", "body");

    private FaultSpecs() {
    }

    /**
     * A fault and its application (null: every request) from a request body.
     *
     * @throws ApiException 400 naming the member that is missing or wrong
     */
    static Spec parse(Buffer body) {
        JsonObject json = ControlJson.object(body, MEMBERS);
        try {
            Fault fault = withScope(json, base(json));
            Long application = json.getLong("application_id");
            return new Spec(fault, application);
        } catch (ClassCastException e) {
            throw ControlJson.invalid("A member has the wrong type");
        } catch (IllegalArgumentException | NullPointerException | ArithmeticException e) {
            throw ControlJson.invalid(e.getMessage() == null ? "Invalid fault" : e.getMessage());
        }
    }

    private static Fault base(JsonObject json) {
        String name = json.getString("fault");
        if (name == null) {
            throw ControlJson.invalid("fault is required");
        }
        return switch (Fault.Kind.ofWireName(name)) {
            case LATENCY -> Fault.latency(Duration.ofMillis(required(json, "latency_ms")));
            case SERVER_ERROR -> Fault.serverError();
            case UNAVAILABLE -> Fault.unavailable(Duration.ofSeconds(json.getLong("retry_after_seconds", 1L)));
            case RATE_LIMITED -> Fault.rateLimited(Duration.ofSeconds(json.getLong("retry_after_seconds", 1L)));
            case HTML_ERROR_PAGE -> Fault.htmlErrorPage();
            case CUSTOM_REPLY -> Fault.reply(Math.toIntExact(required(json, "status")), headers(json),
                    json.getString("body", ""));
            case CONNECTION_RESET -> Fault.connectionReset();
            case TRUNCATED_JSON -> Fault.truncatedJson();
            case INVALID_JSON -> Fault.invalidJson();
            case NEVER_ENDS -> Fault.neverEnds();
        };
    }

    private static Fault withScope(JsonObject json, Fault fault) {
        Fault scoped = json.containsKey("method") || json.containsKey("path")
                ? fault.on(json.getString("method"), json.getString("path"))
                : fault;
        Long times = json.getLong("times");
        return times == null ? scoped : scoped.times(Math.toIntExact(times));
    }

    private static long required(JsonObject json, String name) {
        Long value = json.getLong(name);
        if (value == null) {
            throw ControlJson.invalid(name + " is required");
        }
        return value;
    }

    private static Map<String, String> headers(JsonObject json) {
        JsonObject headers = json.getJsonObject("headers", new JsonObject());
        Map<String, String> copy = new LinkedHashMap<>();
        for (String name : headers.fieldNames()) {
            copy.put(name, headers.getString(name));
        }
        return copy;
    }

    /** {@code {"id":1,"fault":"...",...,"strikes":0}}. */
    static void write(JsonWriter json, FaultRule rule) {
        Fault fault = rule.fault();
        json.beginObject().name("id").value(rule.id()).name("fault").value(fault.kind().wireName());
        if (rule.applicationId().isPresent()) {
            json.name("application_id").value(rule.applicationId().getAsLong());
        }
        fault.method().ifPresent(method -> json.name("method").value(method));
        fault.path().ifPresent(path -> json.name("path").value(path));
        if (fault.kind() == Fault.Kind.LATENCY) {
            json.name("latency_ms").value(fault.delay().toMillis());
        }
        fault.retryAfter().ifPresent(wait -> json.name("retry_after_seconds").value(wait.toSeconds()));
        if (fault.kind() == Fault.Kind.CUSTOM_REPLY) {
            json.name("status").value(fault.status());
        }
        fault.times().ifPresent(times -> json.name("times").value(times));
        rule.remaining().ifPresent(left -> json.name("remaining").value(left));
        json.name("strikes").value(rule.strikes()).endObject();
    }

    /** {@code {"faults":[...]}}. */
    static String list(List<FaultRule> rules) {
        JsonWriter json = new JsonWriter(64 + 128 * rules.size()).beginObject().name("faults").beginArray();
        rules.forEach(rule -> write(json, rule));
        return json.endArray().endObject().toString();
    }

    static String single(FaultRule rule) {
        JsonWriter json = new JsonWriter(160);
        write(json, rule);
        return json.toString();
    }

    /**
     * A parsed fault.
     *
     * @param fault the fault
     * @param applicationId its application, or null for every request
     */
    record Spec(Fault fault, Long applicationId) {
    }
}
