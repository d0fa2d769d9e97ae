package fi.hyte.plan.web;

import fi.hyte.plan.domain.Finding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Groups gaps and reminders by kind for the pages that list them ({@code @planFindings} in templates). */
@Component("planFindings")
class PlanFindings {

    public Map<String, List<Finding>> byKind(List<Finding> findings) {
        return findings.stream()
                .collect(Collectors.groupingBy(f -> f.kind().name(), LinkedHashMap::new, Collectors.toList()));
    }
}
