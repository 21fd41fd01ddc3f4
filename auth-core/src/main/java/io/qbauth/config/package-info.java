/**
 * Immutable configuration of a client: {@link io.qbauth.config.QbAuthConfig} (application, endpoint, keys) and the
 * policies for session refresh ({@link io.qbauth.config.RefreshPolicy}) and replay after expiry
 * ({@link io.qbauth.config.ReauthPolicy}).
 */
package io.qbauth.config;
