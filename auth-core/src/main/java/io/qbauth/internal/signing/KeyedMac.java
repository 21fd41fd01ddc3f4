package io.qbauth.internal.signing;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An HMAC with one fixed key, thread-safe. A prototype {@link Mac} is keyed once and cloned for each signature: the
 * key schedule (the inner and outer padded key blocks) is computed once instead of per signature, and the provider
 * lookup of {@link Mac#getInstance} is skipped. Where the provider's {@code Mac} cannot be cloned, each signature gets
 * and keys a new one, as without the prototype. The prototype itself is never updated, only cloned.
 */
final class KeyedMac {

    /** Creates an unkeyed {@link Mac} of the algorithm (the provider's lookup). */
    @FunctionalInterface
    interface MacFactory {
        Mac create() throws GeneralSecurityException;
    }

    private final MacFactory factory;
    private final SecretKeySpec key;
    /** Keyed and cloneable, or null when the provider's {@code Mac} cannot be cloned. */
    private final Mac prototype;

    /**
     * @throws GeneralSecurityException when {@code factory} cannot create the {@code Mac} or it refuses the key
     */
    KeyedMac(MacFactory factory, SecretKeySpec key) throws GeneralSecurityException {
        this.factory = factory;
        this.key = key;
        this.prototype = cloneablePrototype(factory, key);
    }

    /** The HMAC of {@code data}. */
    byte[] mac(byte[] data) throws GeneralSecurityException {
        Mac mac = prototype == null ? keyed(factory, key) : cloneOf(prototype);
        return mac.doFinal(data);
    }

    /** Whether each signature clones the keyed prototype (false: a new {@code Mac} is keyed per signature). */
    boolean clonesPrototype() {
        return prototype != null;
    }

    private static Mac cloneablePrototype(MacFactory factory, SecretKeySpec key) throws GeneralSecurityException {
        Mac candidate = keyed(factory, key);
        try {
            candidate.clone();
            return candidate;
        } catch (CloneNotSupportedException notCloneable) {
            return null;
        }
    }

    private static Mac keyed(MacFactory factory, SecretKeySpec key) throws GeneralSecurityException {
        Mac mac = factory.create();
        mac.init(key);
        return mac;
    }

    private static Mac cloneOf(Mac prototype) {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException impossible) { // cloned once in the constructor: the provider can
            throw new IllegalStateException("the keyed Mac could be cloned once, and no longer", impossible);
        }
    }
}
