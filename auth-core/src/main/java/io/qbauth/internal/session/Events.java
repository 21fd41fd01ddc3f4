package io.qbauth.internal.session;

import io.qbauth.spi.AuthEvent;
import io.qbauth.spi.AuthEventListener;
import java.util.List;

/** Delivers events to the configured listeners; a listener that throws is logged at DEBUG and skipped. */
public final class Events {

    private static final System.Logger LOG = System.getLogger(Events.class.getName());

    private final List<AuthEventListener> listeners;

    public Events(List<AuthEventListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    /** Sends {@code event} to every listener, in order. */
    public void publish(AuthEvent event) {
        for (AuthEventListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, () -> "AuthEventListener " + listener.getClass().getName()
                        + " failed on " + event.getClass().getSimpleName(), e);
            }
        }
    }
}
