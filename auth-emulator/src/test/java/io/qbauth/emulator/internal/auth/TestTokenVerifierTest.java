package io.qbauth.emulator.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.qbauth.emulator.ProviderTokenVerifier;
import io.qbauth.emulator.ProviderTokenVerifier.VerifiedIdentity;
import io.qbauth.emulator.support.TestJwt;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TestTokenVerifierTest {

    private static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);
    private final ProviderTokenVerifier verifier = ProviderTokenVerifier.testTokens();

    @Test
    void facebook_test_tokens() {
        assertThat(verifier.verifyFacebook("fb-test:42", null)).contains(VerifiedIdentity.of("42"));
        assertThat(verifier.verifyFacebook("fb-test:42:Ann Lee: Jr", "s"))
                .contains(new VerifiedIdentity("42", "Ann Lee: Jr"));
        assertThat(verifier.verifyFacebook("fb-test:", null)).isEmpty();
        assertThat(verifier.verifyFacebook("EAAtoken", null)).isEmpty();
    }

    @Test
    void firebase_test_tokens() {
        String claims = TestJwt.phoneClaims("+1555", "proj", NOW.getEpochSecond() + 1);

        assertThat(verifier.verifyFirebasePhone("proj", TestJwt.unsigned(claims), NOW))
                .contains(VerifiedIdentity.of("+1555"));
        assertThat(verifier.verifyFirebasePhone("proj", TestJwt.hs256(claims, "proj"), NOW))
                .contains(VerifiedIdentity.of("+1555"));
        assertThat(verifier.verifyFirebasePhone("proj", TestJwt.unsigned(claims), NOW.plusSeconds(1))).isEmpty();
        assertThat(verifier.verifyFirebasePhone("other", TestJwt.unsigned(claims), NOW)).isEmpty();
        assertThat(verifier.verifyFirebasePhone("proj", TestJwt.hs256(claims, "x"), NOW)).isEmpty();
        assertThat(verifier.verifyFirebasePhone("proj", TestJwt.unsigned(claims) + "sig", NOW)).isEmpty();
        assertThat(verifier.verifyFirebasePhone("proj", "a.b.c", NOW)).isEmpty();
        assertThat(verifier.verifyFirebasePhone("proj", "!!.??.", NOW)).isEmpty();
        assertThat(verifier.verifyFirebasePhone("", TestJwt.hs256(claims, "proj"), NOW)).isEmpty();
        assertThat(verifier.verifyFirebasePhone("proj",
                TestJwt.unsigned("{\"aud\":\"proj\",\"exp\":1800000000}"), NOW)).isEmpty();
    }

    @Test
    void custom_identity_test_tokens() {
        assertThat(verifier.verifyCustomIdentity("u1", "idp-test:u1")).contains(VerifiedIdentity.of("u1"));
        assertThat(verifier.verifyCustomIdentity("u1", "idp-test:u2")).isEmpty();
        assertThat(verifier.verifyCustomIdentity("u1", "u1")).isEmpty();
    }
}
