package io.qbauth.emulator.internal.state;

/**
 * The public attributes of a QuickBlox user, every one optional ({@code null} when unset). String fields are stored
 * already trimmed; {@code userTags} is the comma-separated {@code tag_list}.
 *
 * @param login login name
 * @param email e-mail address
 * @param fullName full name
 * @param phone phone number
 * @param website website URL
 * @param externalUserId id of the user in the customer's own system
 * @param facebookId Facebook user id
 * @param blobId id of the avatar blob
 * @param customData free-form application data
 * @param userTags comma-separated tags
 */
public record UserProfile(
        String login,
        String email,
        String fullName,
        String phone,
        String website,
        Long externalUserId,
        String facebookId,
        Long blobId,
        String customData,
        String userTags) {

    /** A builder starting from an empty profile. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this profile's values. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.login = login;
        builder.email = email;
        builder.fullName = fullName;
        builder.phone = phone;
        builder.website = website;
        builder.externalUserId = externalUserId;
        builder.facebookId = facebookId;
        builder.blobId = blobId;
        builder.customData = customData;
        builder.userTags = userTags;
        return builder;
    }

    /** Mutable builder; not thread-safe. */
    public static final class Builder {
        private String login;
        private String email;
        private String fullName;
        private String phone;
        private String website;
        private Long externalUserId;
        private String facebookId;
        private Long blobId;
        private String customData;
        private String userTags;

        private Builder() {
        }

        /** Sets {@code login}. */
        public Builder login(String value) {
            login = value;
            return this;
        }

        /** Sets {@code email}. */
        public Builder email(String value) {
            email = value;
            return this;
        }

        /** Sets {@code full_name}. */
        public Builder fullName(String value) {
            fullName = value;
            return this;
        }

        /** Sets {@code phone}. */
        public Builder phone(String value) {
            phone = value;
            return this;
        }

        /** Sets {@code website}. */
        public Builder website(String value) {
            website = value;
            return this;
        }

        /** Sets {@code external_user_id}. */
        public Builder externalUserId(Long value) {
            externalUserId = value;
            return this;
        }

        /** Sets {@code facebook_id}. */
        public Builder facebookId(String value) {
            facebookId = value;
            return this;
        }

        /** Sets {@code blob_id}. */
        public Builder blobId(Long value) {
            blobId = value;
            return this;
        }

        /** Sets {@code custom_data}. */
        public Builder customData(String value) {
            customData = value;
            return this;
        }

        /** Sets {@code user_tags} (the request's {@code tag_list}). */
        public Builder userTags(String value) {
            userTags = value;
            return this;
        }

        /** The profile. */
        public UserProfile build() {
            return new UserProfile(login, email, fullName, phone, website, externalUserId, facebookId, blobId,
                    customData, userTags);
        }
    }
}
