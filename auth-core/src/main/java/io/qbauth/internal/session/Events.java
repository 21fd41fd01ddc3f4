package io.qbauth.internal.session;

import io.qbauth.event.AuthEvent;
import io.qbauth.event.AuthEventListener;
import java.util.List;

/**
 * Delivers events to the configured listeners. A listener is application code and may throw anything, an
 * {@link Error} included: whatever it throws is logged (at WARNING, with the listener's class and the event's type)
 * and the next listener still gets the event. Callers publish only after completing the calls and flights the event
 * is about, so a slow or failing listener never holds one up.
 */
public final class Events {

    private static final System.Logger LOG = System.getLogger(Events.class.getName());

    private final AuthEventListener[] listeners;
    private final boolean listened;

    public Events(List<AuthEventListener> listeners) {
        this.listeners = List.copyOf(listeners).toArray(AuthEventListener[]::new); // no iterator per event
        this.listened = this.listeners.length > 0;
    }

    /** Whether any listener is registered: without one, callers skip building events (and reading clocks) at all. */
    public boolean listened() {
        return listened;
    }

    /** Sends {@code event} to every listener, in order. */
    public void publish(AuthEvent event) {
        for (AuthEventListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (Throwable e) { // application code: an Error must not escape into the SDK's completion paths
                LOG.log(System.Logger.Level.WARNING, () -> "AuthEventListener " + listener.getClass().getName()
                        + " threw " + e.getClass().getName() + " on " + event.getClass().getSimpleName()
                        + "; the event was delivered to the other listeners", e);
            }
        }
    }
}
