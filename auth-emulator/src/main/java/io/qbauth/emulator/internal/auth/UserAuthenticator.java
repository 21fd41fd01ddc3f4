package io.qbauth.emulator.internal.auth;

import io.qbauth.emulator.ProviderTokenVerifier;
import io.qbauth.emulator.ProviderTokenVerifier.VerifiedIdentity;
import io.qbauth.emulator.internal.security.PasswordHasher;
import io.qbauth.emulator.internal.state.UserAccount;
import io.qbauth.emulator.internal.state.UserDirectory;
import io.qbauth.emulator.internal.state.UserKey;
import io.qbauth.emulator.internal.state.UserProfile;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Turns credentials into a user of one application: password check against the stored hash (with equal work for
 * unknown users), or provider verification followed by find-or-create, as QuickBlox creates the user on a first
 * provider login. Blocking and CPU-heavy: run it on a worker thread.
 */
public final class UserAuthenticator {

    private static final System.Logger LOG = System.getLogger(UserAuthenticator.class.getName());

    private final PasswordHasher hasher;
    private final ProviderTokenVerifier verifier;

    /**
     * @param hasher password hashing
     * @param verifier provider token checks
     */
    public UserAuthenticator(PasswordHasher hasher, ProviderTokenVerifier verifier) {
        this.hasher = hasher;
        this.verifier = verifier;
    }

    /**
     * The user the credentials identify, with the login recorded.
     *
     * @throws AuthenticationFailure when they identify nobody
     */
    public UserAccount authenticate(UserDirectory users, Credentials credentials, Instant now) {
        UserAccount user = switch (credentials) {
            case Credentials.Password password -> byPassword(users, password);
            case Credentials.Facebook facebook -> findOrCreate(users, UserKey.FACEBOOK_ID,
                    () -> verifier.verifyFacebook(facebook.accessToken().reveal(),
                            facebook.secret() == null ? null : facebook.secret().reveal()),
                    identity -> UserProfile.builder().facebookId(identity.subject()).fullName(identity.fullName()),
                    now);
            case Credentials.FirebasePhone firebase -> findOrCreate(users, UserKey.PHONE,
                    () -> verifier.verifyFirebasePhone(firebase.projectId(), firebase.idToken().reveal(), now),
                    identity -> UserProfile.builder().phone(identity.subject()).fullName(identity.fullName()),
                    now);
            case Credentials.CustomIdentity custom -> findOrCreate(users, UserKey.LOGIN,
                    () -> verifier.verifyCustomIdentity(custom.userId(), custom.accessToken().reveal()),
                    identity -> UserProfile.builder().login(identity.subject()).fullName(identity.fullName())
                            .externalUserId(parseLongOrNull(identity.subject())),
                    now);
        };
        return users.recordLogin(user, now);
    }

    private UserAccount byPassword(UserDirectory users, Credentials.Password credentials) {
        Optional<UserAccount> user = users.find(credentials.key(), credentials.identifier());
        boolean matches = user.flatMap(UserAccount::password)
                .map(hash -> hasher.matches(credentials.password(), hash))
                .orElseGet(() -> hasher.matchesNothing(credentials.password()));
        if (!matches) {
            throw new AuthenticationFailure("unknown " + credentials.key().field() + " or wrong password");
        }
        return user.orElseThrow();
    }

    private UserAccount findOrCreate(UserDirectory users, UserKey key, Supplier<Optional<VerifiedIdentity>> verify,
            Function<VerifiedIdentity, UserProfile.Builder> newProfile, Instant now) {
        VerifiedIdentity identity = verified(verify, key);
        return users.findOrCreate(key, identity.subject(), () -> newProfile.apply(identity).build(), now);
    }

    private static VerifiedIdentity verified(Supplier<Optional<VerifiedIdentity>> verify, UserKey key) {
        Optional<VerifiedIdentity> identity;
        try {
            identity = verify.get();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "provider token verifier failed with {0}; the login is rejected",
                    e.getClass().getName());
            identity = Optional.empty();
        }
        return identity.orElseThrow(() -> new AuthenticationFailure("provider token rejected (" + key.field() + ")"));
    }

    private static Long parseLongOrNull(String text) {
        try {
            return Long.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
