package io.qbauth.adapter.codec.jackson;

import io.qbauth.domain.ErrorDetails;
import io.qbauth.domain.User;
import io.qbauth.spi.AccountSettingsPayload;
import io.qbauth.spi.JsonCodec;
import io.qbauth.spi.SessionPayload;
import java.util.Map;

/**
 * {@link JsonCodec} on jackson-core's streaming parser. Thread-safe; one instance serves a whole application.
 *
 * <p>Every reply is parsed into a bounded tree first (limits below), then the envelope is mapped out of it. Session
 * replies are never quoted in error messages; other non-JSON replies (an HTML error page, say) are quoted with at
 * most {@value ReplySnippet#MAX_CHARS} sanitized characters so the cause stays diagnosable.
 */
public final class JacksonJsonCodec implements JsonCodec {

    /** Deepest nesting of arrays and objects a reply (or a written tree) may have. */
    public static final int MAX_NESTING_DEPTH = 64;
    /** Largest reply, in bytes, the codec parses. */
    public static final long MAX_DOCUMENT_BYTES = 16L * 1024 * 1024;
    /** Most JSON tokens one reply may contain (bounds the size of the tree built from it). */
    public static final long MAX_TOKENS = 1_000_000;
    /** Longest string value, in characters. */
    public static final int MAX_STRING_LENGTH = 1024 * 1024;
    /** Longest member name, in characters. */
    public static final int MAX_NAME_LENGTH = 1024;
    /** Longest number, in characters. */
    public static final int MAX_NUMBER_LENGTH = 64;

    private final JsonTreeReader reader;
    private final JsonTreeWriter writer;

    /** A codec with the limits above. */
    public JacksonJsonCodec() {
        var factory = BoundedJsonFactory.create();
        this.reader = new JsonTreeReader(factory);
        this.writer = new JsonTreeWriter(factory);
    }

    @Override
    public SessionPayload readSession(byte[] body, int status) {
        return Envelopes.session(parse(body, status, "session reply", false));
    }

    @Override
    public User readUser(byte[] body, int status) {
        return Envelopes.user(parse(body, status, "user reply", true));
    }

    @Override
    public AccountSettingsPayload readAccountSettings(byte[] body, int status) {
        return Envelopes.accountSettings(parse(body, status, "account settings reply", true));
    }

    @Override
    public ErrorDetails readErrors(byte[] body, int status) {
        return Envelopes.errors(parse(body, status, "error reply", true));
    }

    /**
     * Any JSON object as maps, lists, strings, numbers ({@code Long}, {@code Double} or {@code BigDecimal}), booleans
     * and nulls, under the same limits as every reply (the parser's hostile-input tests use it).
     */
    Map<String, Object> readObject(byte[] body, int status) {
        return reader.readObject(body, status, "reply", true);
    }

    @Override
    public byte[] write(Object tree) {
        return writer.write(tree);
    }

    @Override
    public String name() {
        return JacksonJsonCodecProvider.NAME;
    }

    @Override
    public String toString() {
        return "JacksonJsonCodec";
    }

    private WireObject parse(byte[] body, int status, String what, boolean mayQuote) {
        return new WireObject(reader.readObject(body, status, what, mayQuote), "", status);
    }
}
