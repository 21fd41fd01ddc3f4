package io.qbauth.emulator.internal.http.endpoints;

import io.qbauth.emulator.internal.http.rendering.ErrorReply;
import io.qbauth.emulator.internal.http.rendering.JsonWriter;
import io.qbauth.emulator.internal.http.rendering.ReplyWriter;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * {@code GET /account_settings.json}: endpoint discovery. With the account key in {@code QB-Account-Key} it answers
 * {@code {"account_id":…,"api_endpoint":…,"chat_endpoint":…,…}} (wire document, section 4.8); without it, or with
 * another key, 401 {@code {"errors":["Unauthorized"]}}. No session is needed and none is touched.
 */
public final class AccountEndpoints {

    /** The account id every emulator announces. */
    static final long ACCOUNT_ID = 1;

    private final AccountSettings account;
    private final ReplyWriter replies;

    /** @param account the account to describe */
    public AccountEndpoints(AccountSettings account, ReplyWriter replies) {
        this.account = account;
        this.replies = replies;
    }

    /** Answers with the account's settings, or 401 without the account key. */
    public void settings(RoutingContext ctx) {
        String given = ctx.request().getHeader("QB-Account-Key");
        if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                account.accountKey().getBytes(StandardCharsets.UTF_8))) {
            throw ErrorReply.ACCOUNT_KEY_REJECTED.exception();
        }
        String apiEndpoint = account.apiEndpoint().map(Object::toString)
                .orElseGet(() -> (ctx.request().isSSL() ? "https://" : "http://") + ctx.request().authority());
        replies.json(ctx, 200, new JsonWriter(256).beginObject()
                .name("account_id").value(ACCOUNT_ID)
                .name("api_endpoint").value(apiEndpoint)
                .name("chat_endpoint").value(account.chatEndpoint())
                .name("turnserver_endpoint").value("turnserver.quickblox.com")
                .name("s3_bucket_name").value("qbprod")
                .endObject().toString());
    }
}
