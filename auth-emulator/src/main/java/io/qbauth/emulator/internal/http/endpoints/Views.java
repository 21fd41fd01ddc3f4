package io.qbauth.emulator.internal.http.endpoints;

import io.qbauth.emulator.internal.http.rendering.JsonWriter;
import io.qbauth.emulator.internal.http.rendering.UtcTimestamps;
import io.qbauth.emulator.internal.state.Session;
import io.qbauth.emulator.internal.state.UserAccount;
import io.qbauth.emulator.internal.state.UserProfile;

/** The JSON bodies of successful replies, with QuickBlox's member names and order. */
final class Views {

    private Views() {
    }

    /** {@code {"session":{...}}}; dates in the {@code Z} form. Rendered once per session and user, then cached. */
    static String session(Session session) {
        String cached = session.rendered().get();
        if (cached == null) {
            cached = renderSession(session);
            session.rendered().set(cached);
        }
        return cached;
    }

    private static String renderSession(Session session) {
        return new JsonWriter(320).beginObject().name("session").beginObject()
                .name("_id").value(Long.toString(session.id()))
                .name("application_id").value(session.applicationId())
                .name("created_at").value(UtcTimestamps.bodyDateTime(session.createdAt()))
                .name("id").value(session.id())
                .name("nonce").value(session.nonce())
                .name("token").value(session.token())
                .name("ts").value(session.timestamp())
                .name("updated_at").value(UtcTimestamps.bodyDateTime(session.updatedAt()))
                .name("user_id").value(session.userId())
                .endObject().endObject().toString();
    }

    /** {@code {"user":{...}}}; never the password. */
    static String user(UserAccount account) {
        UserProfile profile = account.profile();
        return new JsonWriter(512).beginObject().name("user").beginObject()
                .name("id").value(account.id())
                .name("full_name").value(profile.fullName())
                .name("email").value(profile.email())
                .name("login").value(profile.login())
                .name("phone").value(profile.phone())
                .name("website").value(profile.website())
                .name("created_at").value(UtcTimestamps.bodyDateTime(account.createdAt()))
                .name("updated_at").value(UtcTimestamps.bodyDateTime(account.updatedAt()))
                .name("last_request_at").value(account.lastRequestAt() == null
                        ? null : UtcTimestamps.bodyDateTime(account.lastRequestAt()))
                .name("external_user_id").value(profile.externalUserId())
                .name("facebook_id").value(profile.facebookId())
                .name("twitter_id").value((String) null)
                .name("blob_id").value(profile.blobId())
                .name("custom_data").value(profile.customData())
                .name("user_tags").value(profile.userTags())
                .name("age_over16").value(false)
                .name("allow_statistics_analysis").value(false)
                .name("allow_sales_activities").value(false)
                .name("parents_contacts").value("")
                .endObject().endObject().toString();
    }

    /** {@code {"token":"...","expires_at":"..."}} of a token minted with an API key. */
    static String mintedToken(Session session) {
        return new JsonWriter(96).beginObject()
                .name("token").value(session.token())
                .name("expires_at").value(UtcTimestamps.bodyDateTime(session.expiresAt()))
                .endObject().toString();
    }
}
