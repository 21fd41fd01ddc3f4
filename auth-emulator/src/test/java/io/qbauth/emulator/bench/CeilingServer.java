package io.qbauth.emulator.bench;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerOptions;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The ceiling for the external-load-generator benchmark (see the module README): a bare Vert.x handler answering a
 * constant JSON, with the emulator's event-loop count (one server per loop, one shared port), so {@code wrk} can be
 * pointed at it and at {@code auth-emulator.jar} in turn. Prints {@code listening on http://127.0.0.1:PORT}; stop it
 * with Ctrl-C. Argument: the port (default 0, any free port).
 */
public final class CeilingServer {

    /** The same body as {@link EmulatorBenchmark}'s ceiling. */
    static final String BODY = "{\"session\":{\"application_id\":12345,\"user_id\":0}}";

    private CeilingServer() {
    }

    /** Starts the server and returns; the JVM runs until stopped. */
    public static void main(String[] args) throws Exception {
        int requestedPort = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        int eventLoops = Math.max(2, Runtime.getRuntime().availableProcessors());
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(eventLoops));
        AtomicInteger port = new AtomicInteger();
        vertx.deployVerticle(() -> new VerticleBase() {
            @Override
            public Future<?> start() {
                return vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1")
                                .setPort(requestedPort == 0 ? -1 : requestedPort))
                        .requestHandler(request -> request.response()
                                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
                                .end(BODY))
                        .listen()
                        .onSuccess(server -> port.set(server.actualPort()));
            }
        }, new DeploymentOptions().setInstances(eventLoops)).toCompletionStage().toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        System.out.println("listening on http://127.0.0.1:" + port.get());
        Runtime.getRuntime().addShutdownHook(new Thread(vertx::close));
    }
}
