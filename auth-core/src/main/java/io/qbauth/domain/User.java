package io.qbauth.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A QuickBlox user as the server returns it ({@code {"user":{...}}}). The password is never part of it.
 *
 * @param id             QuickBlox user id
 * @param login          login, if set
 * @param email          email, if set
 * @param fullName       full name, if set
 * @param phone          phone, if set
 * @param website        website, if set
 * @param externalUserId external user id, if set
 * @param facebookId     facebook id, if set
 * @param customData     custom data string, if set
 * @param tags           user tags (the {@code user_tags} field split on commas)
 * @param createdAt      creation time, if sent
 * @param updatedAt      last update time, if sent
 * @param lastRequestAt  time of the user's last request, if any
 */
public record User(long id, Optional<String> login, Optional<String> email, Optional<String> fullName,
                   Optional<String> phone, Optional<String> website, Optional<Long> externalUserId,
                   Optional<String> facebookId, Optional<String> customData, List<String> tags,
                   Optional<Instant> createdAt, Optional<Instant> updatedAt, Optional<Instant> lastRequestAt) {

    public User {
        login = orEmpty(login);
        email = orEmpty(email);
        fullName = orEmpty(fullName);
        phone = orEmpty(phone);
        website = orEmpty(website);
        externalUserId = externalUserId == null ? Optional.empty() : externalUserId;
        facebookId = orEmpty(facebookId);
        customData = orEmpty(customData);
        tags = tags == null ? List.of() : List.copyOf(tags);
        createdAt = createdAt == null ? Optional.empty() : createdAt;
        updatedAt = updatedAt == null ? Optional.empty() : updatedAt;
        lastRequestAt = lastRequestAt == null ? Optional.empty() : lastRequestAt;
    }

    private static Optional<String> orEmpty(Optional<String> value) {
        return value == null ? Optional.empty() : value;
    }
}
