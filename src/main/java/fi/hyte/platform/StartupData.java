package fi.hyte.platform;

import java.util.Comparator;
import java.util.List;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * At start, before the server takes requests: every module's reference data, then, with demo data
 * on, every module's demo content in the order the modules need (organisations before their plans).
 */
@Component
class StartupData implements SmartInitializingSingleton {

    private final List<ReferenceData> referenceData;
    private final List<DemoContent> demoContent;
    private final DemoSettings settings;

    StartupData(List<ReferenceData> referenceData, List<DemoContent> demoContent, DemoSettings settings) {
        this.referenceData = referenceData;
        this.demoContent = demoContent.stream()
                .sorted(Comparator.comparingInt(DemoContent::order))
                .toList();
        this.settings = settings;
    }

    @Override
    public void afterSingletonsInstantiated() {
        referenceData.forEach(ReferenceData::load);
        if (settings.enabled()) {
            demoContent.forEach(DemoContent::seed);
        }
    }
}
