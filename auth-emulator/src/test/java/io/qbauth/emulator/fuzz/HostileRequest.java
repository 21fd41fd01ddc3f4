package io.qbauth.emulator.fuzz;

/**
 * One malformed request: the bytes to write, what it is (for a failure message), and whether to close the sending
 * side right after writing (the request is deliberately incomplete or garbage: only an end of input can end it).
 *
 * @param bytes everything written to the socket
 * @param description the generator's choices, short
 * @param head true for a {@code HEAD} request (its reply has no body whatever the headers say)
 * @param halfClose shut the output down after writing
 */
record HostileRequest(byte[] bytes, String description, boolean head, boolean halfClose) {
}
