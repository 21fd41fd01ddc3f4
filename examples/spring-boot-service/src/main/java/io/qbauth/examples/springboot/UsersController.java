package io.qbauth.examples.springboot;

import io.qbauth.BlockingQbAuthClient;
import io.qbauth.UserPool;
import io.qbauth.domain.ApiRequest;
import io.qbauth.domain.Credentials;
import io.qbauth.domain.MintedToken;
import io.qbauth.domain.NewUser;
import io.qbauth.domain.User;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The service's API, each endpoint one use of the injected qbauth beans:
 * <ul>
 *   <li>{@code POST /api/users} signs a user up on QuickBlox (the client's application session);</li>
 *   <li>{@code POST /api/tokens} mints a session token for that user's front end through the {@link UserPool}
 *       (the auth secret stays on the server; the front end adopts the token with {@code startSessionWithToken});</li>
 *   <li>{@code GET /api/users/{id}} reads a user through the client: any authenticated QuickBlox call, with the
 *       session created, refreshed and re-created for you.</li>
 * </ul>
 * A real service authenticates its own users before minting a token for them; this example takes the QuickBlox
 * login and password in the request to stay short.
 */
@RestController
@RequestMapping("/api")
class UsersController {

    /** How long a minted token must stay valid at least. */
    static final Duration TOKEN_LIFETIME = Duration.ofMinutes(30);

    private final BlockingQbAuthClient quickblox;
    private final UserPool users;

    UsersController(BlockingQbAuthClient quickblox, UserPool users) {
        this.quickblox = quickblox;
        this.users = users;
    }

    /** A sign-up request. */
    record SignUp(String login, String password) {
    }

    /** A user as the service returns it. */
    record SignedUp(long id, String login) {
    }

    /** A token for a front end. */
    record Token(String token, long userId, Instant expiresAt) {
    }

    @PostMapping("/users")
    ResponseEntity<SignedUp> signUp(@RequestBody SignUp request) {
        User user = quickblox.signUp(NewUser.builder().login(request.login()).password(request.password()).build());
        return ResponseEntity.status(201).body(new SignedUp(user.id(), request.login()));
    }

    @PostMapping("/tokens")
    Token mintToken(@RequestBody SignUp request) throws Exception {
        MintedToken minted = users.mintToken(request.login(), Credentials.login(request.login(), request.password()),
                TOKEN_LIFETIME).toCompletableFuture().get(30, TimeUnit.SECONDS);
        return new Token(minted.token().value(), minted.userId(), minted.expiresAt());
    }

    @GetMapping(value = "/users/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    String user(@PathVariable("id") long id) {
        return quickblox.execute(ApiRequest.get("/users/{id}.json", id)).bodyAsString();
    }
}
