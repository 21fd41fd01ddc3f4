package io.qbauth.loadtest.driver;

import io.qbauth.QbAuthClient;
import io.qbauth.domain.ApiRequest;
import io.qbauth.domain.Credentials;
import io.qbauth.domain.NewUser;
import io.qbauth.domain.Session;
import io.qbauth.domain.User;
import io.qbauth.loadtest.server.UserAccount;
import java.util.concurrent.CompletionStage;

/** An {@link Agent} that is one {@link QbAuthClient}: every call is one public SDK method. */
final class SdkAgent implements Agent {

    private final QbAuthClient client;

    SdkAgent(QbAuthClient client) {
        this.client = client;
    }

    @Override
    public CompletionStage<Void> createAppSession() {
        return client.createApplicationSession().thenApply(session -> null);
    }

    @Override
    public CompletionStage<Long> login(UserAccount user, boolean byEmail) {
        Credentials credentials = byEmail
                ? Credentials.email(user.email(), user.password())
                : Credentials.login(user.login(), user.password());
        return client.login(credentials).thenApply(User::id);
    }

    @Override
    public CompletionStage<Long> startUserSession(UserAccount user) {
        return client.createUserSession(Credentials.login(user.login(), user.password())).thenApply(Session::userId);
    }

    @Override
    public CompletionStage<Long> signUp(UserAccount user) {
        NewUser newUser = NewUser.builder().login(user.login()).email(user.email()).password(user.password()).build();
        return client.signUp(newUser).thenApply(User::id);
    }

    @Override
    public CompletionStage<Void> getSession() {
        return client.getSession().thenApply(session -> null);
    }

    @Override
    public CompletionStage<Void> apiCall(String path) {
        return client.execute(ApiRequest.get(path)).thenApply(response -> null);
    }

    @Override
    public CompletionStage<Void> destroySession() {
        return client.destroySession();
    }

    @Override
    public void close() {
        client.close();
    }
}
