/**
 * End-to-end: creating, inspecting, upgrading, downgrading, destroying and adopting sessions.
 */
package io.qbauth.e2e.session;
