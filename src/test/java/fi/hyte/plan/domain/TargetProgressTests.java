package fi.hyte.plan.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How a goal's indicator is judged against its baseline and target. */
class TargetProgressTests {

    private static GoalIndicator target(String baseline, String target, TargetDirection direction) {
        return new GoalIndicator(
                UUID.randomUUID(),
                UUID.randomUUID(),
                683,
                "total",
                2020,
                new BigDecimal(baseline),
                new BigDecimal(target),
                2030,
                direction,
                0);
    }

    private static TargetProgress judge(GoalIndicator t, int year, String latest) {
        return TargetProgress.judge(t, year, new BigDecimal(latest));
    }

    @Test
    void increaseAtOrAboveTheStraightPathIsOnTrack() {
        GoalIndicator t = target("50", "60", TargetDirection.INCREASE);
        TargetProgress halfway = judge(t, 2025, "55");
        assertThat(halfway.status()).isEqualTo(TargetStatus.ON_TRACK);
        assertThat(halfway.share()).isEqualTo(50);
        assertThat(judge(t, 2025, "56").status()).isEqualTo(TargetStatus.ON_TRACK);
    }

    @Test
    void improvementSlowerThanThePathIsBehind() {
        TargetProgress slow = judge(target("50", "60", TargetDirection.INCREASE), 2025, "52");
        assertThat(slow.status()).isEqualTo(TargetStatus.BEHIND);
        assertThat(slow.share()).isEqualTo(20);
    }

    @Test
    void noImprovementFromTheBaselineIsOffTrack() {
        assertThat(judge(target("50", "60", TargetDirection.INCREASE), 2023, "50")
                        .status())
                .isEqualTo(TargetStatus.OFF_TRACK);
        TargetProgress worse = judge(target("50", "60", TargetDirection.INCREASE), 2023, "48");
        assertThat(worse.status()).isEqualTo(TargetStatus.OFF_TRACK);
        assertThat(worse.share()).isEqualTo(-20);
    }

    @Test
    void decreaseIsJudgedTheOtherWayRound() {
        GoalIndicator t = target("12.0", "10.0", TargetDirection.DECREASE);
        assertThat(judge(t, 2022, "11.5").status()).isEqualTo(TargetStatus.ON_TRACK);
        assertThat(judge(t, 2026, "11.5").status()).isEqualTo(TargetStatus.BEHIND);
        assertThat(judge(t, 2022, "12.4").status()).isEqualTo(TargetStatus.OFF_TRACK);
        assertThat(judge(t, 2024, "9.9").status()).isEqualTo(TargetStatus.REACHED);
    }

    @Test
    void levelToKeepIsOnTrackWithinFivePercent() {
        GoalIndicator t = target("80", "80", TargetDirection.MAINTAIN);
        assertThat(judge(t, 2023, "77").status()).isEqualTo(TargetStatus.ON_TRACK);
        assertThat(judge(t, 2023, "75").status()).isEqualTo(TargetStatus.OFF_TRACK);
    }

    @Test
    void valueNotNewerThanTheBaselineIsNoDataYet() {
        GoalIndicator t = target("50", "60", TargetDirection.INCREASE);
        assertThat(judge(t, 2020, "58").status()).isEqualTo(TargetStatus.NO_DATA);
        assertThat(TargetProgress.judge(t, null, null).status()).isEqualTo(TargetStatus.NO_DATA);
    }

    @Test
    void targetWithoutBaselineOrTargetValueCannotBeJudged() {
        GoalIndicator partial = new GoalIndicator(
                UUID.randomUUID(),
                UUID.randomUUID(),
                683,
                "total",
                2020,
                null,
                new BigDecimal("5"),
                2030,
                TargetDirection.DECREASE,
                0);
        assertThat(TargetProgress.judge(partial, 2023, new BigDecimal("4")).status())
                .isEqualTo(TargetStatus.NO_TARGET);
    }

    @Test
    void suggestedDirectionFollowsTheIndicatorThenTheTarget() {
        assertThat(TargetDirection.suggested("HIGHER_IS_WORSE", BigDecimal.ONE, BigDecimal.TEN))
                .isEqualTo(TargetDirection.DECREASE);
        assertThat(TargetDirection.suggested("NEUTRAL", BigDecimal.ONE, BigDecimal.TEN))
                .isEqualTo(TargetDirection.INCREASE);
        assertThat(TargetDirection.suggested("NEUTRAL", BigDecimal.TEN, BigDecimal.TEN))
                .isEqualTo(TargetDirection.MAINTAIN);
    }
}
