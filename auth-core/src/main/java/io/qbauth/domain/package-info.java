/**
 * The domain of qbauth: sessions, tokens, credentials, users and the sealed {@link io.qbauth.domain.AuthException}
 * tree. Depends on {@code java.*} only.
 */
package io.qbauth.domain;
