package io.qbauth.domain;

/**
 * A QuickBlox session token (40 hex characters, or a JWT). Opaque; sent as the {@code QB-Token} header.
 * {@link #toString()} prints {@code SessionToken[***]}: get the value explicitly with {@link #value()}.
 *
 * @param value the token: 1 to {@value #MAX_LENGTH} visible ASCII characters
 */
public record SessionToken(String value) {

    /** The longest token accepted. */
    public static final int MAX_LENGTH = 4096;

    /**
     * @throws InvalidInputException if the value is null, blank, longer than {@value #MAX_LENGTH} characters or
     *                               contains anything but visible ASCII (it must fit in an HTTP header)
     */
    public SessionToken {
        Text.require(value, "token", MAX_LENGTH);
        if (!value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new InvalidInputException("token must contain visible ASCII characters only");
        }
    }

    @Override
    public String toString() {
        return "SessionToken[***]";
    }
}
