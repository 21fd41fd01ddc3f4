/**
 * The HTTP surface on Vert.x Web, assembled: {@link io.qbauth.emulator.internal.http.HttpApi} wires the parts of the
 * subpackages into the handlers of each server instance — the router and its resources, the first handler every
 * request passes ({@code RequestGate}: journal, framing checks, global faults) and the failure handler that turns
 * every failure into a QuickBlox-shaped reply. The parts, from the bottom up:
 *
 * <ul>
 *   <li>{@code journal} — the request journal;</li>
 *   <li>{@code rendering} — the reply writer every reply goes through, the error envelope, JSON and dates;</li>
 *   <li>{@code requests} — bodies, parameters, framing checks, ids;</li>
 *   <li>{@code faults} — how fault rules strike requests and replies;</li>
 *   <li>{@code connections} — the connection cap, header timeout, closing after a reply;</li>
 *   <li>{@code endpoints} — the QuickBlox API (sessions, login, users, tokens, account settings) and who calls it;</li>
 *   <li>{@code control} — the emulator's own {@code /_emulator/} endpoints and their guard.</li>
 * </ul>
 *
 * <p>A part depends only on parts listed above it, never the other way, and neither group of endpoints knows
 * connections (enforced by the architecture tests).
 */
package io.qbauth.emulator.internal.http;
