/**
 * What an application configures, all given to {@link io.qbauth.QbAuth#builder()}: the immutable client
 * configuration {@link io.qbauth.config.QbAuthConfig} (application, endpoint, keys), the policies for session refresh
 * ({@link io.qbauth.config.RefreshPolicy}) and replay after expiry ({@link io.qbauth.config.ReauthPolicy}), the
 * transport settings ({@link io.qbauth.config.TransportConfig}), and the two hooks an application may implement:
 * {@link io.qbauth.config.CredentialsSupplier} (fresh credentials when a user session must be re-created) and
 * {@link io.qbauth.config.SessionStore} (a session kept across restarts).
 */
package io.qbauth.config;
