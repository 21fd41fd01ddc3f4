package io.qbauth.config;

/** The HMAC that signs {@code POST /session.json}. QuickBlox tells them apart by the signature's length. */
public enum SignatureAlgorithm {
    /** HMAC-SHA1, 40 hex characters: the QuickBlox default. */
    HMAC_SHA1("HmacSHA1"),
    /** HMAC-SHA256, 64 hex characters. */
    HMAC_SHA256("HmacSHA256");

    private final String jcaName;

    SignatureAlgorithm(String jcaName) {
        this.jcaName = jcaName;
    }

    /** The {@code javax.crypto.Mac} algorithm name. */
    public String jcaName() {
        return jcaName;
    }
}
