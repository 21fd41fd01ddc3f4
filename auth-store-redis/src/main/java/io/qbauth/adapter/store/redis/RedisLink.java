package io.qbauth.adapter.store.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.qbauth.spi.SharedStoreException;
import io.qbauth.spi.SharedStoreException.Reason;
import io.qbauth.spi.TransportSupport;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The store's two Redis connections — one multiplexed connection for commands and scripts, one for pub/sub — and
 * what happens when Redis is not there (docs/FLEET.md §11): connections are made in the background and retried with
 * back-off until the first succeeds (Lettuce reconnects by itself after that); a command while disconnected fails at
 * once; every operation is bounded by the operation timeout; availability changes are logged once per transition.
 */
final class RedisLink implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(RedisSessionStore.class.getName());
    private static final long FIRST_RETRY_MS = 500;
    private static final long LAST_RETRY_MS = 5_000;

    private final RedisClient client;
    private final RedisURI uri;
    private final String where;
    private final Duration timeout;
    private final ScheduledExecutorService scheduler;
    private final String pattern;
    private final BiConsumer<String, String> onMessage;
    private final AtomicBoolean available = new AtomicBoolean(false);
    /** Whether an unavailability was already reported before the first success (Redis down at start). */
    private final AtomicBoolean startReported = new AtomicBoolean(false);
    private volatile StatefulRedisConnection<String, String> connection;
    /** The connection attempt under way (done once it succeeded or failed). */
    private volatile CompletableFuture<StatefulRedisConnection<String, String>> connecting =
            CompletableFuture.failedFuture(new IllegalStateException("not started"));
    private volatile StatefulRedisPubSubConnection<String, String> pubSub;
    private volatile boolean closed;

    /**
     * A link to {@code uri} ({@code where} is its masked form for logs); {@code pattern}, when not null, is the
     * channel pattern subscribed to, whose messages go to {@code onMessage(channel, message)}.
     */
    RedisLink(RedisURI uri, String where, Duration timeout, ScheduledExecutorService scheduler, String pattern,
              BiConsumer<String, String> onMessage) {
        this.uri = uri;
        this.where = where;
        this.timeout = timeout;
        this.scheduler = scheduler;
        this.pattern = pattern;
        this.onMessage = onMessage;
        this.client = RedisClient.create();
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .socketOptions(SocketOptions.builder().connectTimeout(timeout.multipliedBy(4)).build())
                .build());
    }

    /** Starts connecting in the background; never fails. */
    void start() {
        connectCommands(FIRST_RETRY_MS);
        if (pattern != null) {
            connectPubSub(FIRST_RETRY_MS);
        }
    }

    private void connectCommands(long nextDelayMs) {
        if (closed) {
            return;
        }
        CompletableFuture<StatefulRedisConnection<String, String>> attempt =
                client.connectAsync(StringCodec.UTF8, uri).toCompletableFuture();
        connecting = attempt;
        attempt.whenComplete((c, e) -> {
            if (e != null) {
                unavailable(translate("connect", e));
                retry(() -> connectCommands(Math.min(nextDelayMs * 2, LAST_RETRY_MS)), nextDelayMs);
            } else if (closed) {
                c.closeAsync();
            } else {
                connection = c;
                back();
            }
        });
    }

    private void connectPubSub(long nextDelayMs) {
        if (closed) {
            return;
        }
        client.connectPubSubAsync(StringCodec.UTF8, uri).whenComplete((c, e) -> {
            if (e != null) {
                retry(() -> connectPubSub(Math.min(nextDelayMs * 2, LAST_RETRY_MS)), nextDelayMs);
                return;
            }
            if (closed) {
                c.closeAsync();
                return;
            }
            c.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String subscribed, String channel, String message) {
                    onMessage.accept(channel, message);
                }
            });
            c.async().psubscribe(pattern).whenComplete((ok, failed) -> {
                if (failed != null) {
                    c.closeAsync();
                    retry(() -> connectPubSub(Math.min(nextDelayMs * 2, LAST_RETRY_MS)), nextDelayMs);
                } else {
                    pubSub = c; // Lettuce re-subscribes by itself after a reconnect
                }
            });
        });
    }

    private void retry(Runnable connect, long delayMs) {
        if (!closed) {
            try {
                scheduler.schedule(connect, delayMs, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // closed meanwhile
            }
        }
    }

    /** Whether the last operation reached Redis. */
    boolean isAvailable() {
        return available.get();
    }

    /** Runs script {@code script} with EVALSHA, loading it again when Redis answers NOSCRIPT. */
    <T> CompletableFuture<T> eval(Script script, ScriptOutputType type, String[] keys, String... args) {
        return command(script.name(), redis -> {
            RedisFuture<T> first = redis.evalsha(script.sha(), type, keys, args);
            return first.toCompletableFuture().exceptionallyCompose(e -> {
                if (TransportSupport.unwrap(e) instanceof RedisNoScriptException) {
                    return redis.scriptLoad(script.body()).toCompletableFuture()
                            .thenCompose(sha -> redis.<T>evalsha(sha, type, keys, args).toCompletableFuture());
                }
                return CompletableFuture.failedFuture(e);
            });
        });
    }

    /**
     * Runs {@code call} on the command connection, bounded by the operation timeout; a failure is a
     * {@link SharedStoreException}.
     */
    <T> CompletableFuture<T> command(String operation,
                                     Function<RedisAsyncCommands<String, String>, CompletableFuture<T>> call) {
        if (closed) {
            return CompletableFuture.failedFuture(
                    new SharedStoreException(Reason.CLOSED, operation + ": the store is closed", null));
        }
        StatefulRedisConnection<String, String> c = connection;
        CompletableFuture<T> sent;
        if (c != null) {
            sent = send(c, call);
        } else {
            CompletableFuture<StatefulRedisConnection<String, String>> attempt = connecting;
            if (attempt.isDone()) { // the last attempt failed: the next one is scheduled; do not wait for it
                SharedStoreException e = new SharedStoreException(Reason.UNAVAILABLE,
                        operation + ": not connected to " + where, null);
                unavailable(e);
                return CompletableFuture.failedFuture(e);
            }
            // the first connection is being made: wait for it, within this operation's bound
            sent = attempt.thenCompose(connected -> send(connected, call));
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        sent.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((value, e) -> {
            if (e == null) {
                back();
                result.complete(value);
            } else {
                SharedStoreException failure = translate(operation, e);
                if (failure.reason() != Reason.REJECTED) {
                    unavailable(failure);
                }
                result.completeExceptionally(failure);
            }
        });
        return result;
    }

    private static <T> CompletableFuture<T> send(
            StatefulRedisConnection<String, String> c,
            Function<RedisAsyncCommands<String, String>, CompletableFuture<T>> call) {
        try {
            return call.apply(c.async());
        } catch (Throwable e) { // whatever Lettuce throws while sending fails the stage: no caller is left waiting
            return CompletableFuture.failedFuture(e);
        }
    }

    private SharedStoreException translate(String operation, Throwable e) {
        Throwable cause = TransportSupport.unwrap(e);
        if (cause instanceof SharedStoreException s) {
            return s;
        }
        if (closed) {
            return new SharedStoreException(Reason.CLOSED, operation + ": the store is closed", cause);
        }
        if (cause instanceof RedisCommandTimeoutException || cause instanceof TimeoutException) {
            return new SharedStoreException(Reason.TIMEOUT,
                    operation + ": no answer from " + where + " within " + timeout.toMillis() + " ms", cause);
        }
        if (cause instanceof RedisCommandExecutionException) {
            // a server error reply: its text is Redis's own (a script error, NOAUTH, WRONGPASS), never a value
            String reply = String.valueOf(cause.getMessage());
            if (reply.startsWith("NOAUTH") || reply.startsWith("WRONGPASS")) {
                return new SharedStoreException(Reason.UNAVAILABLE,
                        operation + ": " + where + " refused the credentials", cause);
            }
            return new SharedStoreException(Reason.REJECTED, operation + ": " + where + " answered an error: "
                    + reply.lines().findFirst().orElse(""), cause);
        }
        return new SharedStoreException(Reason.UNAVAILABLE,
                operation + ": " + where + " unreachable (" + cause.getClass().getSimpleName() + ")", cause);
    }


    private void unavailable(SharedStoreException why) {
        if (available.compareAndSet(true, false) || (!available.get() && startReported.compareAndSet(false, true))) {
            LOG.log(System.Logger.Level.WARNING, () -> "shared session store " + where
                    + " unavailable, working on the local single flight until it is back: " + why.getMessage());
        }
    }

    private void back() {
        if (available.compareAndSet(false, true)) {
            LOG.log(System.Logger.Level.INFO, () -> "shared session store " + where + " available");
        }
    }

    @Override
    public void close() {
        closed = true;
        StatefulRedisPubSubConnection<String, String> p = pubSub;
        if (p != null) {
            p.closeAsync();
        }
        StatefulRedisConnection<String, String> c = connection;
        if (c != null) {
            c.closeAsync();
        }
        client.shutdownAsync(0, 2, TimeUnit.SECONDS);
    }
}
