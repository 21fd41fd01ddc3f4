/**
 * A QuickBlox-compatible authentication server (Vert.x Web) for local runs, tests and load tests.
 */
module io.qbauth.emulator {
    requires io.netty.codec;
    requires io.netty.codec.http;
    requires io.vertx.core;
    requires io.vertx.web;
    requires static org.junit.jupiter.api;

    exports io.qbauth.emulator;
    exports io.qbauth.emulator.cli;
    exports io.qbauth.emulator.junit;
}
