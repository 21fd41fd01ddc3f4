package io.qbauth.emulator.internal;

import io.qbauth.emulator.internal.http.HttpApi;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpServerOptions;
import java.lang.System.Logger.Level;

/** One HTTP server instance on one event loop; instances share the port and Vert.x spreads connections. */
final class HttpApiVerticle extends VerticleBase {

    private static final System.Logger LOG = System.getLogger(HttpApiVerticle.class.getName());

    private final HttpApi api;
    private final WorkerExecutor worker;
    private final HttpServerOptions options;
    private volatile int actualPort;

    HttpApiVerticle(HttpApi api, WorkerExecutor worker, HttpServerOptions options) {
        this.api = api;
        this.worker = worker;
        this.options = new HttpServerOptions(options);
    }

    @Override
    public Future<?> start() {
        return vertx.createHttpServer(options)
                .requestHandler(api.createRouter(vertx, worker))
                .invalidRequestHandler(api.invalidRequestHandler())
                .exceptionHandler(failure -> LOG.log(Level.DEBUG, "connection failure: {0}",
                        failure.getClass().getName()))
                .listen()
                .onSuccess(server -> actualPort = server.actualPort());
    }

    /** The bound port, once started. */
    int actualPort() {
        return actualPort;
    }
}
