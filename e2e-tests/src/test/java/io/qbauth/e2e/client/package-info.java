/**
 * End-to-end: the blocking facade under load, transport ownership, and ServiceLoader discovery.
 */
package io.qbauth.e2e.client;
