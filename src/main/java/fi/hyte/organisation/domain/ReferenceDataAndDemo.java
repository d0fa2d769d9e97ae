package fi.hyte.organisation.domain;

import fi.hyte.platform.DemoSettings;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/** At start, before the server takes requests: the official regions, then the demo content if on. */
@Component
class ReferenceDataAndDemo implements SmartInitializingSingleton {

    private final RegionData regions;
    private final DemoLeadership demo;
    private final DemoSettings settings;

    ReferenceDataAndDemo(RegionData regions, DemoLeadership demo, DemoSettings settings) {
        this.regions = regions;
        this.demo = demo;
        this.settings = settings;
    }

    @Override
    public void afterSingletonsInstantiated() {
        regions.load();
        if (settings.enabled()) {
            demo.seed();
        }
    }
}
