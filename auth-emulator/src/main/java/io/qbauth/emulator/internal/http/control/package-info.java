/**
 * The emulator's own endpoints under {@code /_emulator/}: stats, Prometheus metrics, the request journal (secrets
 * masked), fault rules, restart and clock jumps, and the guard every one of them passes (loopback host, control
 * token, JSON content type). Independent of the QuickBlox endpoints.
 */
package io.qbauth.emulator.internal.http.control;
