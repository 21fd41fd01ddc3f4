package io.qbauth.emulator.internal;

import io.qbauth.emulator.internal.http.HttpApi;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.SocketAddress;
import java.lang.System.Logger.Level;
import java.util.function.IntConsumer;

/** One HTTP server instance on one event loop; instances share the port and Vert.x spreads connections. */
final class HttpApiVerticle extends VerticleBase {

    private static final System.Logger LOG = System.getLogger(HttpApiVerticle.class.getName());

    private final HttpApi api;
    private final WorkerExecutor worker;
    private final HttpServerOptions options;
    private final IntConsumer onListening;

    /** @param onListening receives the bound port once the server listens */
    HttpApiVerticle(HttpApi api, WorkerExecutor worker, HttpServerOptions options, IntConsumer onListening) {
        this.api = api;
        this.worker = worker;
        this.options = new HttpServerOptions(options);
        this.onListening = onListening;
    }

    @Override
    public Future<?> start() {
        HttpApi.ServerHandlers handlers = api.createServerHandlers(vertx, worker);
        return vertx.createHttpServer(options)
                .requestHandler(handlers.requests())
                .invalidRequestHandler(handlers.invalidRequests())
                .connectionHandler(handlers.connections())
                .exceptionHandler(failure -> LOG.log(Level.DEBUG, "connection failure: {0}",
                        failure.getClass().getName()))
                .listen(address())
                .onSuccess(server -> onListening.accept(server.actualPort()));
    }

    /**
     * Where to listen: a negative port is one random port shared by every instance (Vert.x 5.1 takes that only as a
     * {@link SocketAddress#sharedRandomPort} address, no longer as a negative port in the options).
     */
    private SocketAddress address() {
        return options.getPort() < 0 ? SocketAddress.sharedRandomPort(-options.getPort(), options.getHost())
                : SocketAddress.inetSocketAddress(options.getPort(), options.getHost());
    }
}
