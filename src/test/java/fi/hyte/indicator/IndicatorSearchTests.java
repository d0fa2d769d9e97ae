package fi.hyte.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.indicator.domain.Indicators;
import fi.hyte.support.Fixtures;
import fi.hyte.support.HyteSpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The indicator search caps its words and length like the plan's indicator picker. */
@HyteSpringTest
class IndicatorSearchTests {

    @Autowired
    Indicators indicators;

    @Autowired
    Fixtures fixtures;

    @Test
    void wordsBeyondTheEighthAreNotSearched() {
        Fixtures.Org org = fixtures.organisation("haku" + Long.toString(System.nanoTime(), 36));
        String eight = "683 ".repeat(8).strip();
        assertThat(indicators.search(org.id(), eight, 10)).isNotEmpty();

        assertThat(indicators.search(org.id(), eight + " eisanaa" + " x".repeat(5000), 10))
                .as("a query of 5,000 more words looks at its first eight only")
                .isNotEmpty();
    }
}
