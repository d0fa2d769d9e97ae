package fi.hyte.indicator.sotkanet;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.indicator.IndicatorSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;

/** The scheduled refresh follows HYTE_SOTKANET_REFRESH_CRON, in Finnish time, and "-" turns it off. */
class SotkanetScheduleTests {

    @Test
    void cronExpressionSchedulesTheRefreshInFinnishTime() {
        ScheduledTaskRegistrar registrar = configured("0 30 3 * * SUN");

        assertThat(registrar.getTriggerTaskList()).singleElement().satisfies(task -> {
            assertThat(task.getTrigger()).isInstanceOf(CronTrigger.class);
            assertThat(((CronTrigger) task.getTrigger()).getExpression()).isEqualTo("0 30 3 * * SUN");
            assertThat(task.getTrigger().toString()).isEqualTo("0 30 3 * * SUN");
        });
    }

    @Test
    void dashOrNothingTurnsTheScheduleOff() {
        assertThat(configured("-").getTriggerTaskList()).isEmpty();
        assertThat(configured(" ").getTriggerTaskList()).isEmpty();
        assertThat(configured("-").getCronTaskList()).isEmpty();
    }

    private static ScheduledTaskRegistrar configured(String cron) {
        IndicatorSettings settings = new IndicatorSettings(
                "http://127.0.0.1:9/rest/1.1", cron, Duration.ofSeconds(1), 0, Duration.ofMillis(1), 1, 1);
        SotkanetRefresh refresh = new SotkanetRefresh(null, null, null, null, null, null, null, settings);
        ScheduledTaskRegistrar registrar = new ScheduledTaskRegistrar();
        refresh.configureTasks(registrar);
        return registrar;
    }
}
