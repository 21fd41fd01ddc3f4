package io.qbauth.adapter.codec.jackson;

import java.nio.charset.StandardCharsets;

/** Reply bodies for the tests, as QuickBlox sends them (see the protocol reference, sections 2 and 6). */
final class Replies {

    static final String TOKEN_HEX = "0f8d1e7bca91c5e2d4f6a8b0c2e4f6a8b0c2e4f6";
    static final String TOKEN_JWT = "eyJhbGciOiJIUzUxMiIsInR5cCI6IkpXVCJ9.eyJhY2Nlc3NfdHlwZSI6ImFwcGxpY2F0aW9uIn0.c2ln";

    /** The 2016 cloud reply from a public test fixture, key order as captured (token replaced). */
    static final String SESSION_2016 = """
            {"session":{"_id":"572793c0a28f9a658800002a","application_id":35265,"created_at":"2016-05-02T17:52:00Z",\
            "device_id":0,"nonce":29601,"token":"%s","ts":1462211496,"updated_at":"2016-05-02T17:52:00Z",\
            "user_id":0,"id":18862}}""".formatted(TOKEN_HEX);

    /** The 2019 documentation shape: key order of the docs, {@code +00:00} dates, a JWT, a user session. */
    static final String SESSION_2019 = """
            {"session":{"application_id":76730,"created_at":"2019-08-26T20:09:22+00:00","id":1151827623,\
            "nonce":5214,"token":"%s","ts":1566849958,"updated_at":"2019-08-26T20:09:22+00:00",\
            "user_id":96753878,"_id":"1151827623"}}""".formatted(TOKEN_JWT);

    /** A user as {@code POST /users.json} returns it, deprecated flags included. */
    static final String USER = """
            {"user":{"id":96753878,"full_name":"Alice Q. Blox","email":"alice+qb@example.com","login":"alice_qb",\
            "phone":null,"website":null,"created_at":"2019-09-01T14:55:56Z","updated_at":"2019-09-01T14:55:56Z",\
            "last_request_at":null,"external_user_id":null,"facebook_id":null,"twitter_id":null,"blob_id":null,\
            "custom_data":null,"age_over16":false,"allow_statistics_analysis":false,\
            "allow_sales_activities":false,"parents_contacts":"","user_tags":"tagA,tagB"}}""";

    static final String UNAUTHORIZED = "{\"errors\":[\"Unauthorized\"]}";
    static final String SESSION_GONE = "{\"errors\":{\"base\":[\"Required session does not exist\"]}}";
    static final String PASSWORD_422 = """
            {"errors":{"password":["should contain alphanumeric and punctuation characters only",\
            "is too short (minimum is 8 characters)"]}}""";
    static final String LOGIN_AND_PASSWORD_422 = """
            {"errors":{"login":["has already been taken"],"password":["is too short (minimum is 8 characters)"]}}""";

    private Replies() {
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
