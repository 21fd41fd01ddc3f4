package io.qbauth.emulator.fuzz;

import io.qbauth.emulator.support.Fixtures;
import io.qbauth.emulator.support.Signing;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A seeded generator of malformed HTTP requests: garbage bytes, broken request lines, random methods, paths, headers
 * and bodies (invalid UTF-8, percent garbage, huge and deeply nested JSON, oversize bodies, absurd
 * {@code Content-Length}, missing {@code Host}, header bombs), requests with a real session token or API key and a
 * hostile body, and correctly signed session requests with hostile parameters. Request {@code i} of seed {@code s}
 * is always the same request, whatever ran before it.
 */
final class HostileRequests {

    /**
     * What the authenticated cases need.
     *
     * @param userToken a user session's token
     * @param userId that user's id
     * @param apiKey the application's API key
     */
    record Targets(String userToken, long userId, String apiKey) {
    }

    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS",
            "TRACE", "CONNECT", "get", "BREW", "G ET", "POST\u0000", "", "M".repeat(300));
    private static final List<String> KNOWN_PATHS = List.of("/session.json", "/session", "/login.json", "/login",
            "/users.json", "/users", "/users/1.json", "/users/1", "/users/1/tokens", "/_emulator/stats",
            "/_emulator/metrics", "/", "/account_settings.json");
    private static final List<String> CONTENT_TYPES = List.of("application/json",
            "application/x-www-form-urlencoded", "application/x-www-form-urlencoded; charset=UTF-8",
            "application/json; charset=utf-16", "text/plain", "multipart/form-data; boundary=xyz",
            "application/x-www-form-urlencoded; charset=ebcdic", ";;;", "application/json; charset=\"", "*/*",
            "application/vnd.api+json", "application/json, text/html");

    private final long seed;
    private final Targets targets;

    HostileRequests(long seed, Targets targets) {
        this.seed = seed;
        this.targets = targets;
    }

    /** Request number {@code index}. */
    HostileRequest request(long index) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        int category = random.nextInt(100);
        if (category < 8) {
            return garbage(random);
        }
        if (category < 16) {
            return brokenStart(random);
        }
        if (category < 24) {
            return headerBomb(random);
        }
        if (category < 34) {
            return signedSession(random);
        }
        if (category < 50) {
            return authenticated(random);
        }
        return randomHttp(random);
    }

    private static HostileRequest garbage(SplittableRandom random) {
        byte[] bytes = new byte[1 + random.nextInt(4_000)];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        return new HostileRequest(bytes, "garbage " + bytes.length + " bytes", false, true);
    }

    private static HostileRequest brokenStart(SplittableRandom random) {
        String[] starts = {
            "GET\r\n\r\n", "GET / HTTP/9.9\r\nHost: x\r\n\r\n", "GET /\r\n\r\n", "\r\n\r\n\r\nGET / HTTP/1.1\r\n\r\n",
            "GET / HTTP/1.1", "GET / HTTP/1.1\r\nHost: x", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n",
            "GET " + "/a".repeat(10_000) + " HTTP/1.1\r\nHost: x\r\n\r\n", "GET /session.json HTTP/1.1\n\n",
            "GET /session.json HTTP/1.1\rHost: x\r\r", " GET / HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /session.json HTTP/1.1\r\n: empty-name\r\n\r\n", "GET http://evil.example/session.json HTTP/1.1\r\n"
                    + "Host: x\r\n\r\n", "CONNECT evil.example:443 HTTP/1.1\r\nHost: evil.example\r\n\r\n",
            "GET * HTTP/1.1\r\nHost: x\r\n\r\n", "OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /session.json HTTP/1.0\r\n\r\n", "GET /%00 HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /users/1.json HTTP/1.1\r\nHost: x\r\nUpgrade: h2c\r\nConnection: Upgrade, HTTP2-Settings\r\n"
                    + "HTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n\r\n",
            "GET /users/1.json HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n",
        };
        int pick = random.nextInt(starts.length);
        // #4, #5, #6 and #9 wait for more input by design: only the end of input can finish them
        boolean incomplete = pick == 4 || pick == 5 || pick == 6 || pick == 9;
        return new HostileRequest(starts[pick].getBytes(StandardCharsets.ISO_8859_1), "broken start #" + pick, false,
                incomplete || random.nextBoolean());
    }

    private HostileRequest headerBomb(SplittableRandom random) {
        StringBuilder head = new StringBuilder("GET /session.json HTTP/1.1\r\nHost: x\r\nQB-Token: ")
                .append(targets.userToken()).append("\r\n");
        int kind = random.nextInt(6);
        switch (kind) {
            case 0 -> {
                int count = 100 + random.nextInt(5_000);
                for (int i = 0; i < count; i++) {
                    head.append("X-").append(i).append(": ").append(i).append("\r\n");
                }
            }
            case 1 -> head.append("X-Big: ").append("b".repeat(8_000 + random.nextInt(40_000))).append("\r\n");
            case 2 -> head.append("X-Folded: a\r\n  b\r\n\tc\r\n");
            case 3 -> head.append("No colon here\r\n");
            case 4 -> head.append("X-Nul: a\u0000b\r\nX-High: \u00ff\u00fe\r\n");
            default -> head.append("QB-Token: ").append("t".repeat(random.nextInt(20_000))).append("\r\n");
        }
        head.append("\r\n");
        return new HostileRequest(head.toString().getBytes(StandardCharsets.ISO_8859_1), "header bomb #" + kind,
                false, false);
    }

    /** A correctly signed {@code POST /session.json} whose other parameters are hostile. */
    private static HostileRequest signedSession(SplittableRandom random) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("application_id", Long.toString(Fixtures.APP_ID));
        params.put("auth_key", Fixtures.AUTH_KEY);
        params.put("nonce", random.nextInt(4) == 0 ? text(random, 30) : Long.toString(random.nextLong()));
        params.put("timestamp", switch (random.nextInt(5)) {
            case 0 -> Long.toString(random.nextLong());
            case 1 -> "-1";
            case 2 -> text(random, 12);
            default -> Long.toString(System.currentTimeMillis() / 1000);
        });
        int extras = random.nextInt(5);
        String[] names = {"user[login]", "user[password]", "user[email]", "provider", "keys[token]", "keys[secret]",
            "firebase_phone[project_id]", "firebase_phone[access_token]", "signature_method", "unknown_param"};
        for (int i = 0; i < extras; i++) {
            params.put(names[random.nextInt(names.length)], text(random, 1 + random.nextInt(300)));
        }
        Map<String, String> signed = Signing.signed(params, Fixtures.AUTH_SECRET);
        boolean json = random.nextBoolean();
        String body = json ? Signing.json(signed) : Signing.jsForm(signed);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return http("POST", "/session.json", json ? "application/json" : "application/x-www-form-urlencoded",
                bytes, "", "signed session " + signed.keySet());
    }

    /** A request with a real token or API key to a protected endpoint, with a hostile body. */
    private HostileRequest authenticated(SplittableRandom random) {
        String[][] endpoints = {
            {"POST", "/users.json"}, {"PUT", "/users/" + targets.userId() + ".json"}, {"POST", "/login.json"},
            {"GET", "/users/" + targets.userId() + ".json"}, {"POST", "/users/" + targets.userId() + "/tokens"},
            {"DELETE", "/login.json"}, {"GET", "/session.json"},
        };
        String[] endpoint = endpoints[random.nextInt(endpoints.length)];
        String credentials = random.nextInt(3) == 0
                ? "Authorization: ApiKey " + targets.apiKey() + "\r\n"
                        + (random.nextBoolean() ? "On-Behalf-Of: " + text(random, 12) + "\r\n" : "")
                : "QB-Token: " + targets.userToken() + "\r\n";
        Body body = body(random);
        return http(endpoint[0], endpoint[1], body.contentType(), body.bytes(), credentials,
                "authenticated " + endpoint[0] + " " + endpoint[1] + " " + body.description());
    }

    private static HostileRequest randomHttp(SplittableRandom random) {
        String method = METHODS.get(random.nextInt(METHODS.size()));
        String path = path(random);
        Body body = body(random);
        StringBuilder head = new StringBuilder().append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
        int host = random.nextInt(10);
        if (host < 7) {
            head.append("Host: 127.0.0.1\r\n");
        } else if (host == 7) {
            head.append("Host: \r\n");
        } else if (host == 8) {
            head.append("Host: a\r\nHost: b\r\n");
        }
        if (random.nextInt(3) > 0) {
            head.append("Content-Type: ").append(body.contentType() != null && random.nextBoolean()
                    ? body.contentType() : CONTENT_TYPES.get(random.nextInt(CONTENT_TYPES.size()))).append("\r\n");
        }
        if (random.nextInt(4) == 0) {
            head.append("QB-Token: ").append(text(random, random.nextInt(64))).append("\r\n");
        }
        if (random.nextInt(6) == 0) {
            head.append("Expect: 100-continue\r\n");
        }
        if (random.nextInt(5) == 0) {
            head.append("Connection: ").append(random.nextBoolean() ? "close" : "keep-alive, Upgrade").append("\r\n");
        }
        boolean incomplete = false;
        byte[] payload = body.bytes();
        int framing = random.nextInt(10);
        if (framing < 5) {
            head.append("Content-Length: ").append(payload.length).append("\r\n");
        } else if (framing == 5) {
            long absurd = switch (random.nextInt(5)) {
                case 0 -> -1;
                case 1 -> Long.MAX_VALUE;
                case 2 -> 1L << 40;
                case 3 -> payload.length + 1L + random.nextInt(1_000);
                default -> Integer.MAX_VALUE;
            };
            head.append("Content-Length: ").append(absurd).append("\r\n");
            incomplete = true;
        } else if (framing == 6) {
            head.append("Content-Length: ").append(random.nextBoolean() ? "abc" : "99999999999999999999999")
                    .append("\r\nContent-Length: 0\r\n");
        } else if (framing == 7) {
            head.append("Transfer-Encoding: chunked\r\n");
            payload = chunked(random, payload);
            incomplete = true;
        } else if (framing == 8) {
            head.append("Transfer-Encoding: chunked\r\nContent-Length: ").append(payload.length).append("\r\n");
            incomplete = true;
        }
        head.append("\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(payload);
        return new HostileRequest(out.toByteArray(), method + " " + abbreviate(path) + " framing=" + framing + " "
                + body.description(), method.equals("HEAD"), incomplete || random.nextInt(4) == 0);
    }

    private static HostileRequest http(String method, String path, String contentType, byte[] body, String extra,
            String description) {
        StringBuilder head = new StringBuilder().append(method).append(' ').append(path)
                .append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n").append(extra);
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(body);
        return new HostileRequest(out.toByteArray(), description, false, false);
    }

    private static String path(SplittableRandom random) {
        String base = KNOWN_PATHS.get(random.nextInt(KNOWN_PATHS.size()));
        return switch (random.nextInt(12)) {
            case 0 -> "/users/" + switch (random.nextInt(6)) {
                case 0 -> "-1";
                case 1 -> "0";
                case 2 -> "99999999999999999999";
                case 3 -> "abc";
                case 4 -> "%00";
                default -> "1e5";
            } + ".json";
            case 1 -> base + "?" + query(random);
            case 2 -> base + "%" + (random.nextBoolean() ? "zz" : "");
            case 3 -> base.replace("/", "/%C0%AF");
            case 4 -> new String(new byte[] {'/', (byte) 0xff, (byte) 0xfe, 's'}, StandardCharsets.ISO_8859_1);
            case 5 -> base + "/..";
            case 6 -> "//" + base;
            case 7 -> "/" + "x".repeat(random.nextInt(30_000));
            case 8 -> "*";
            default -> base;
        };
    }

    private static String query(SplittableRandom random) {
        return switch (random.nextInt(5)) {
            case 0 -> "application_id=%";
            case 1 -> "a=1&a=2&a=3";
            case 2 -> "user%5Blogin%5D=%ff%fe&user[login]=x";
            case 3 -> "&&&==&%%&" + text(random, 50);
            default -> "application_id=" + Fixtures.APP_ID + "&nonce=1&timestamp=1";
        };
    }

    /**
     * A body and the content type that fits it (or null).
     *
     * @param contentType a matching content type, or null
     * @param bytes the body
     * @param description short
     */
    private record Body(String contentType, byte[] bytes, String description) {
    }

    private static Body body(SplittableRandom random) {
        return switch (random.nextInt(16)) {
            case 0 -> new Body(null, new byte[0], "empty");
            case 1 -> {
                byte[] bytes = new byte[random.nextInt(4_000)];
                random.nextBytes(bytes);
                yield new Body(null, bytes, "random bytes");
            }
            case 2 -> new Body("application/x-www-form-urlencoded",
                    concat("user[login]=".getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0xff, (byte) 0xfe,
                        (byte) 0xc3, '&', 'a', '=', (byte) 0xed, (byte) 0xa0, (byte) 0x80}), "invalid UTF-8 form");
            case 3 -> form("a=%zz&%=%%&b=%4&user[login]=%C0%80&c=%E0%80", "percent garbage");
            case 4 -> form("user[login]=a&user[login]=b&user%5Blogin%5D=c", "duplicates");
            case 5 -> form("user[a][b]=1&tags[]=2&x[=1&]=2&[]=3", "bad names");
            case 6 -> json(nested(random.nextInt(2) == 0 ? '[' : '{', 1_000 + random.nextInt(30_000)),
                    "deeply nested");
            case 7 -> json("{\"user\":{\"login\":\"" + "x".repeat(50_000 + random.nextInt(14_000)) + "\"}}",
                    "huge string");
            case 8 -> {
                byte[] oversize = new byte[70_000 + random.nextInt(250_000)];
                java.util.Arrays.fill(oversize, (byte) 'a');
                yield new Body("application/x-www-form-urlencoded", oversize, "oversize " + oversize.length);
            }
            case 9 -> json("{\"n\":1e999999,\"m\":-1e-999999,\"i\":123456789012345678901234567890123456789}",
                    "number bombs");
            case 10 -> json("{\"user\":{\"login\":\"\\u0000\\ud800\\udfff\\ud800\",\"password\":\"\\uFFFF\"}}",
                    "escapes");
            case 11 -> json(random.nextBoolean() ? "{\"a\":NaN,\"b\":Infinity,/*c*/\"d\":1,}" : "{\"a\":\"unterminated",
                    "non-JSON");
            case 12 -> new Body("application/json", concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf},
                    "{\"user\":{\"login\":\"bom\"}}".getBytes(StandardCharsets.UTF_8)), "BOM JSON");
            case 13 -> new Body("application/json", "{\"user\":{\"login\":\"utf16\"}}"
                    .getBytes(StandardCharsets.UTF_16), "UTF-16 JSON");
            case 14 -> json(randomJson(random, 0), "random JSON");
            default -> form("user[login]=" + text(random, random.nextInt(200)) + "&user[password]="
                    + text(random, random.nextInt(60)) + "&user[email]=" + text(random, 40) + "&user[tag_list]="
                    + text(random, 300), "random form");
        };
    }

    private static Body form(String text, String description) {
        return new Body("application/x-www-form-urlencoded", text.getBytes(StandardCharsets.ISO_8859_1), description);
    }

    private static Body json(String text, String description) {
        return new Body("application/json", text.getBytes(StandardCharsets.UTF_8), description);
    }

    private static String nested(char open, int depth) {
        StringBuilder text = new StringBuilder(depth * 6);
        for (int i = 0; i < depth; i++) {
            text.append(open == '{' ? "{\"a\":" : "[");
        }
        text.append('1');
        for (int i = 0; i < depth; i++) {
            text.append(open == '{' ? '}' : ']');
        }
        return text.toString();
    }

    private static String randomJson(SplittableRandom random, int depth) {
        int kind = depth > 3 ? 3 + random.nextInt(4) : random.nextInt(7);
        return switch (kind) {
            case 0, 1 -> {
                StringBuilder object = new StringBuilder("{");
                int members = random.nextInt(6);
                for (int i = 0; i < members; i++) {
                    object.append(i == 0 ? "" : ",").append('"').append(random.nextBoolean() ? "user" : text(random, 6))
                            .append("\":").append(randomJson(random, depth + 1));
                }
                yield object.append('}').toString();
            }
            case 2 -> {
                StringBuilder array = new StringBuilder("[");
                int items = random.nextInt(6);
                for (int i = 0; i < items; i++) {
                    array.append(i == 0 ? "" : ",").append(randomJson(random, depth + 1));
                }
                yield array.append(']').toString();
            }
            case 3 -> Long.toString(random.nextLong());
            case 4 -> random.nextBoolean() ? "true" : "null";
            case 5 -> Double.toString(random.nextDouble() * Math.pow(10, random.nextInt(600) - 300));
            default -> '"' + text(random, random.nextInt(40)).replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        };
    }

    private static byte[] chunked(SplittableRandom random, byte[] payload) {
        String chunks = switch (random.nextInt(4)) {
            case 0 -> Integer.toHexString(payload.length) + "\r\n" + new String(payload, StandardCharsets.ISO_8859_1)
                    + "\r\n0\r\n\r\n";
            case 1 -> "zz\r\nabc\r\n0\r\n\r\n";
            case 2 -> "FFFFFFFFFFFFFFFF\r\nabc";
            default -> "5\r\nabc\r\n";
        };
        return chunks.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Random text from printable ASCII, URL specials, controls, and a few multi-byte characters. */
    private static String text(SplittableRandom random, int length) {
        String alphabet = "abcXYZ019 _-+=&%[]{}\"'\\/<>?#;:,.\u0000\u0001\r\n\t\u00e9\u4e2d\ud83d\ude00";
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "...(" + text.length() + ")" : text;
    }
}
