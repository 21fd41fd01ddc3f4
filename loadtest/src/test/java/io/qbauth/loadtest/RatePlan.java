package io.qbauth.loadtest;

import java.util.Locale;

/**
 * The highest request rate a run's settings can produce, and the rule that keeps a remote target under QuickBlox's
 * per-plan limit. QuickBlox documents plan limits of 80, 120 and 160 requests per second (wire protocol doc §6) and
 * answers 429 above them; a load test must not be what pushes a real account over its plan. So against a target
 * that is not on loopback, a run whose plan exceeds {@link #QUICKBLOX_PLAN_LIMIT_RPS} is refused unless
 * {@code -Dqbauth.loadtest.allowHighRate=true} says the account's plan (or an enterprise host) allows it.
 *
 * @param loginStormRps     login storm at full rate: virtual users per second times their calls, every client
 * @param sessionRefreshRps session refresh at most: each virtual user's calls per think pause, every client (replies
 *                          take time, so the real rate is lower)
 */
public record RatePlan(double loginStormRps, double sessionRefreshRps) {

    /** The smallest QuickBlox plan's limit, in requests per second. */
    public static final double QUICKBLOX_PLAN_LIMIT_RPS = 80;
    /** Calls a login-storm virtual user makes: create app session, login, API call, destroy session. */
    static final int CALLS_PER_LOGIN = 4;
    /** Calls a sign-up virtual user makes: create app session, sign-up, login, destroy session. */
    static final int CALLS_PER_SIGN_UP = 4;

    /** The plan of {@code config}. */
    public static RatePlan of(LoadConfig config) {
        int clients = config.clients().size();
        double signUps = config.signUpEvery() == 0 ? 0 : config.rate() / config.signUpEvery();
        double storm = clients * (config.rate() * CALLS_PER_LOGIN + signUps * CALLS_PER_SIGN_UP);
        double refresh = clients * config.users() * (1000.0 / config.think().toMillis());
        return new RatePlan(storm, refresh);
    }

    /** The higher of the two phases (they run one after the other). */
    public double peakRps() {
        return Math.max(loginStormRps, sessionRefreshRps);
    }

    /**
     * Refuses a plan above the QuickBlox limit against a non-loopback target.
     *
     * @throws IllegalArgumentException saying which settings to lower or which property to set
     */
    public void checkAllowed(boolean loopbackTarget, boolean allowHighRate) {
        if (loopbackTarget || allowHighRate || peakRps() <= QUICKBLOX_PLAN_LIMIT_RPS) {
            return;
        }
        throw new IllegalArgumentException(String.format(Locale.ROOT,
                "this run could send up to %.0f requests/s to a remote target, above QuickBlox's smallest plan "
                        + "limit of %.0f/s (429s, and load on a real account): lower -Drate, -Dusers or raise "
                        + "-DthinkMs, or set -Dqbauth.loadtest.allowHighRate=true if the account's plan allows it",
                peakRps(), QUICKBLOX_PLAN_LIMIT_RPS));
    }
}
