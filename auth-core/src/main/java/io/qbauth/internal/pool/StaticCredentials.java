package io.qbauth.internal.pool;

import io.qbauth.config.CredentialsSupplier;
import io.qbauth.domain.Credentials;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Credentials given once, as a supplier that equals another for the same credentials: two mappings of a key compare
 * by value. Holds nothing but the credentials (a held identity's footprint counts).
 *
 * @param value the credentials
 */
record StaticCredentials(Credentials value) implements CredentialsSupplier {

    @Override
    public CompletionStage<Credentials> credentials() {
        return CompletableFuture.completedStage(value);
    }

    @Override
    public String toString() {
        return "StaticCredentials[" + value.method() + "]";
    }
}
