/**
 * QuickBlox-style plan limits: per application, requests per second and session creations per window, counted in
 * fixed windows on the emulator's clock without a lock. The HTTP layer asks once a request is attributed to its
 * application and answers 429 with {@code Retry-After} when a limit is reached.
 */
package io.qbauth.emulator.internal.limits;
