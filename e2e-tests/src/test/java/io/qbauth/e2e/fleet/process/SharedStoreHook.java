package io.qbauth.e2e.fleet.process;

import io.qbauth.QbAuth;
import io.qbauth.spi.SharedSessionStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Hands a member's shared store to its client builder. Interim (issue 13): {@code QbAuth.Builder#sharedStore} is
 * being added on another branch; until it is on main the Redis scenarios are skipped ({@link #available()}), then
 * this becomes a plain call.
 */
final class SharedStoreHook {

    private SharedStoreHook() {
    }

    /** Whether the client builder takes a shared store. */
    static boolean available() {
        return method() != null;
    }

    static void attach(QbAuth.Builder builder, SharedSessionStore store) {
        Method method = method();
        if (method == null) {
            throw new UnsupportedOperationException("QbAuth.Builder has no sharedStore(...) yet");
        }
        try {
            method.invoke(builder, store);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private static Method method() {
        try {
            return QbAuth.Builder.class.getMethod("sharedStore", SharedSessionStore.class);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}
