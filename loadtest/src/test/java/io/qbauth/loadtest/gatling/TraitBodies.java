package io.qbauth.loadtest.gatling;

import io.gatling.core.action.Action;
import io.gatling.core.action.ChainableAction;
import io.gatling.core.session.Session;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The bodies of the {@code !} methods of Gatling's Scala action traits. Scala 2.13 compiles each trait method body
 * into a static {@code name$(self, args)} method on the trait's interface, which a class mixing the trait in calls
 * for {@code super.name}. They are synthetic, so javac cannot see them; a method handle can.
 */
final class TraitBodies {

    private static final MethodHandle ACTION_BANG = bangOf(Action.class);
    private static final MethodHandle CHAINABLE_ACTION_BANG = bangOf(ChainableAction.class);

    private TraitBodies() {
    }

    /** {@code Action.!}: runs {@code execute}, logging what it throws. */
    static void actionBang(Action self, Session session) {
        invoke(ACTION_BANG, self, session);
    }

    /** {@code ChainableAction.!}: runs {@code super.!}; what it throws fails the user and moves it on. */
    static void chainableActionBang(ChainableAction self, Session session) {
        invoke(CHAINABLE_ACTION_BANG, self, session);
    }

    private static void invoke(MethodHandle body, Action self, Session session) {
        try {
            body.invoke(self, session);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static MethodHandle bangOf(Class<? extends Action> trait) {
        try {
            return MethodHandles.publicLookup().findStatic(trait, "$bang$",
                    MethodType.methodType(void.class, trait, Session.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
