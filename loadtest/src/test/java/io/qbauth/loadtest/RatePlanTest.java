package io.qbauth.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class RatePlanTest {

    private static Properties remote(String... pairs) {
        Properties props = new Properties();
        props.setProperty("baseUrl", "https://api.example.invalid");
        props.setProperty("appId", "1");
        props.setProperty("authKey", "k");
        props.setProperty("authSecret", "s");
        props.setProperty("usersFile", "users.csv");
        for (int i = 0; i < pairs.length; i += 2) {
            props.setProperty(pairs[i], pairs[i + 1]);
        }
        return props;
    }

    @Test
    void theRemoteDefaultsStayUnderTheSmallestPlanLimit() {
        RatePlan plan = RatePlan.of(LoadConfig.from(remote()));

        assertThat(plan.peakRps()).isLessThanOrEqualTo(RatePlan.QUICKBLOX_PLAN_LIMIT_RPS);
        plan.checkAllowed(false, false);
    }

    @Test
    void aFasterRunAgainstARemoteTargetIsRefusedUnlessAllowed() {
        RatePlan plan = RatePlan.of(LoadConfig.from(remote("rate", "50")));

        assertThat(plan.loginStormRps()).isEqualTo(2 * 50 * 4);
        assertThatThrownBy(() -> plan.checkAllowed(false, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("qbauth.loadtest.allowHighRate");
        plan.checkAllowed(false, true);
        plan.checkAllowed(true, false);
    }

    @Test
    void theSessionRefreshPlanCountsEveryUsersCallsPerThinkPause() {
        RatePlan plan = RatePlan.of(LoadConfig.from(remote("users", "10", "thinkMs", "100")));

        assertThat(plan.sessionRefreshRps()).isEqualTo(2 * 10 * 10.0);
    }
}
