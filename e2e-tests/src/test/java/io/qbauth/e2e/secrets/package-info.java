/**
 * Secrets never leave the SDK: one journey with every secret set to a distinctive value, and a scan of everything
 * the SDK shows the world (toString, exceptions, logs, metrics) for any of them.
 */
package io.qbauth.e2e.secrets;
