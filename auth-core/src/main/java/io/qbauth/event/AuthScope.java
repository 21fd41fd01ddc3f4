package io.qbauth.event;

/**
 * A started {@link AuthActivity}, as its {@link AuthInstrumentation} returned it: stopped exactly once, when the
 * activity ends (after the stage of a call has completed), and passed as the parent of the activities it contains.
 */
@FunctionalInterface
public interface AuthScope {

    /** The scope of nothing: no parent, or an activity that is not observed. */
    AuthScope NONE = failure -> { };

    /**
     * Ends the activity.
     *
     * @param failure why it failed (unwrapped from {@code CompletionException}), {@code null} if it succeeded
     */
    void stop(Throwable failure);
}
