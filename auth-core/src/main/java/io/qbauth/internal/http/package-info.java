/**
 * Internal: the QuickBlox wire conventions on top of the transport port: request headers, credential parameters,
 * expiry headers and error classification. Not exported.
 */
package io.qbauth.internal.http;
