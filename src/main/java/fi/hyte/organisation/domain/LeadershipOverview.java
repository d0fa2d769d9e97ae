package fi.hyte.organisation.domain;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The organisation's leadership of wellbeing work at a glance: who is accountable, the wellbeing
 * group and its coverage, the coordinator and named responsibilities, each gap stated as a check.
 */
public record LeadershipOverview(
        List<String> accountable,
        List<String> coordinators,
        Body group,
        List<GroupSeat> seats,
        List<Sector> sectorsWithoutMember,
        Map<ResponsibilityKind, List<String>> holders,
        List<Check> checks) {

    public long gapCount() {
        return checks.stream().filter(check -> !check.met()).count();
    }

    /** A seat in the wellbeing group, with what the overview needs to know of its holder. */
    public record GroupSeat(
            UUID memberId,
            UUID personId,
            String name,
            String title,
            MemberRole role,
            Sector sector,
            Affiliation affiliation,
            String affiliationName,
            boolean inManagementGroup) {}

    /**
     * One thing good leadership of wellbeing work needs; {@code key} names the message
     * (leadership.check.KEY.met / .gap) and {@code detail} lists what is missing, if anything.
     */
    public record Check(String key, boolean met, String detail) {}
}
