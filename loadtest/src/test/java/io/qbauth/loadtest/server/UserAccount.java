package io.qbauth.loadtest.server;

/**
 * A user the load test signs in with. {@link #toString()} hides the password.
 *
 * @param login    the login
 * @param email    the e-mail
 * @param password the password
 */
public record UserAccount(String login, String email, String password) {

    @Override
    public String toString() {
        return "UserAccount[login=" + login + ", email=" + email + ", password=***]";
    }
}
