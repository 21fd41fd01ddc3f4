package io.qbauth.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A user to sign up ({@code POST /users.json}). Immutable; build with {@link #builder()}, which checks every field
 * ({@link InvalidInputException} naming it). {@link #toString()} hides the password.
 */
public final class NewUser {

    /** Longest full name, phone, website or facebook id accepted. */
    public static final int MAX_FIELD_LENGTH = 255;
    /** Longest custom data accepted. */
    public static final int MAX_CUSTOM_DATA_LENGTH = 65_536;
    /** Most tags accepted. */
    public static final int MAX_TAGS = 100;

    private final String login;
    private final String email;
    private final String password;
    private final String fullName;
    private final String phone;
    private final String website;
    private final Long externalUserId;
    private final String facebookId;
    private final String customData;
    private final List<String> tags;

    private NewUser(Builder b) {
        login = Text.optional(b.login, "login", Credentials.MAX_IDENTIFIER_LENGTH);
        email = Text.optional(b.email, "email", Credentials.MAX_IDENTIFIER_LENGTH);
        if (login == null && email == null) {
            throw new InvalidInputException("login or email is required");
        }
        password = Text.require(b.password, "password", Credentials.MAX_PASSWORD_LENGTH);
        fullName = Text.optional(b.fullName, "fullName", MAX_FIELD_LENGTH);
        phone = Text.optional(b.phone, "phone", MAX_FIELD_LENGTH);
        website = Text.optional(b.website, "website", MAX_FIELD_LENGTH);
        if (b.externalUserId != null && b.externalUserId <= 0) {
            throw new InvalidInputException("externalUserId must be positive");
        }
        externalUserId = b.externalUserId;
        facebookId = Text.optional(b.facebookId, "facebookId", MAX_FIELD_LENGTH);
        customData = Text.optional(b.customData, "customData", MAX_CUSTOM_DATA_LENGTH);
        if (b.tags.size() > MAX_TAGS) {
            throw new InvalidInputException("tags must be at most " + MAX_TAGS);
        }
        for (String tag : b.tags) {
            if (Text.require(tag, "tags", MAX_FIELD_LENGTH).contains(",")) {
                throw new InvalidInputException("tags must not contain commas");
            }
        }
        tags = List.copyOf(b.tags);
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The login, if set. */
    public Optional<String> login() {
        return Optional.ofNullable(login);
    }

    /** The email, if set. */
    public Optional<String> email() {
        return Optional.ofNullable(email);
    }

    /** The password (secret: never logged). */
    public String password() {
        return password;
    }

    /** The full name, if set. */
    public Optional<String> fullName() {
        return Optional.ofNullable(fullName);
    }

    /** The phone number, if set. */
    public Optional<String> phone() {
        return Optional.ofNullable(phone);
    }

    /** The website, if set. */
    public Optional<String> website() {
        return Optional.ofNullable(website);
    }

    /** The application's own id for this user, if set. */
    public Optional<Long> externalUserId() {
        return Optional.ofNullable(externalUserId);
    }

    /** The Facebook id, if set. */
    public Optional<String> facebookId() {
        return Optional.ofNullable(facebookId);
    }

    /** Free-form custom data, if set. */
    public Optional<String> customData() {
        return Optional.ofNullable(customData);
    }

    /** The tags (sent comma-separated as {@code tag_list}). */
    public List<String> tags() {
        return tags;
    }

    @Override
    public String toString() {
        return "NewUser[login=" + login + ", email=" + email + ", password=***, fullName=" + fullName
                + ", externalUserId=" + externalUserId + ", tags=" + tags + "]";
    }

    /** Builder of {@link NewUser}; {@link #build()} validates. */
    public static final class Builder {
        private String login;
        private String email;
        private String password;
        private String fullName;
        private String phone;
        private String website;
        private Long externalUserId;
        private String facebookId;
        private String customData;
        private final List<String> tags = new ArrayList<>();

        private Builder() {
        }

        public Builder login(String value) { login = value; return this; }
        public Builder email(String value) { email = value; return this; }
        public Builder password(String value) { password = value; return this; }
        public Builder fullName(String value) { fullName = value; return this; }
        public Builder phone(String value) { phone = value; return this; }
        public Builder website(String value) { website = value; return this; }
        public Builder externalUserId(long value) { externalUserId = value; return this; }
        public Builder facebookId(String value) { facebookId = value; return this; }
        public Builder customData(String value) { customData = value; return this; }

        /** Adds tags (each non-blank, without commas). */
        public Builder tags(String... values) {
            for (String value : Text.notNull(values, "tags")) {
                tags.add(Text.notNull(value, "tags"));
            }
            return this;
        }

        /**
         * Builds the user.
         *
         * @throws InvalidInputException naming the first invalid field (login or email is required, and a password)
         */
        public NewUser build() {
            return new NewUser(this);
        }
    }
}
