package fi.hyte.report.domain;

import fi.hyte.platform.OrganisationId;
import fi.hyte.report.domain.ReportContent.BlockContent;
import fi.hyte.report.domain.ReportContent.SectionContent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What keeps a draft from review: empty sections, blocks without data or whose goal or indicator is
 * gone, minimum-data items with neither a place nor a reason, Swedish missing where it is required,
 * figures without a text alternative, references to pictures a section does not have, and a missing
 * plain-language summary without a reason.
 */
@Component
public class Readiness {

    private final Reports reports;
    private final Outlines outlines;
    private final SectionImages images;

    Readiness(Reports reports, Outlines outlines, SectionImages images) {
        this.reports = reports;
        this.outlines = outlines;
        this.images = images;
    }

    /** Blocks whose "no data" is a fact the writers cannot fill in, so it does not keep the report from review. */
    private static final java.util.Set<String> NO_DATA_IS_A_FINDING = java.util.Set.of(
            BlockKind.IMPACT_SHARE.name(), BlockKind.MEMBERS_MATURITY.name(), BlockKind.MEMBERS_JOYS_WORRIES.name());

    /** One thing to fix: a message key with its argument, and the section it is in (null for the report). */
    public record Gap(String key, String subject, UUID sectionId) {}

    public List<Gap> check(OrganisationId organisation, Report report, ReportContent composed) {
        List<Gap> gaps = new ArrayList<>();
        Map<UUID, Section> sections = reports.sections(organisation, report.id()).stream()
                .collect(Collectors.toMap(Section::id, Function.identity()));
        if (sections.isEmpty()) {
            gaps.add(new Gap("report.ready.noSections", null, null));
        }
        for (SectionContent shown : composed.sections()) {
            Section s = shown.id() == null ? null : sections.get(shown.id());
            if (s == null) {
                continue;
            }
            String heading = shown.heading().text();
            if (s.empty() && shown.blocks().isEmpty()) {
                gaps.add(new Gap("report.ready.emptySection", heading, s.id()));
            }
            for (BlockContent b : shown.blocks()) {
                if ("gone".equals(b.fingerprint())) {
                    gaps.add(new Gap("report.ready.blockGone", heading, s.id()));
                } else if (!b.hasData() && !NO_DATA_IS_A_FINDING.contains(b.kind())) {
                    // (A year without decided cases that needed an assessment is a fact the block
                    // states, "no data"; nothing the writers could add.)
                    gaps.add(new Gap("report.ready.blockNoData", heading + ": " + b.heading(), s.id()));
                }
                if (b.figure() != null
                        && (b.figure().alt() == null || b.figure().alt().isBlank())) {
                    gaps.add(new Gap("report.ready.noAlt", heading + ": " + b.heading(), s.id()));
                }
            }
            if (report.swedishRequired()) {
                if (s.title().sv() == null || (!s.empty() && s.body().sv() == null)) {
                    gaps.add(new Gap("report.ready.noSwedish", heading, s.id()));
                }
            }
        }
        List<SectionImage> pictures = images.ofReport(organisation, report.id());
        // A reference in a section's text to a picture the section does not have (deleted, another
        // section's, a mistyped number, an address on the web) would show as words: fix it first.
        for (Section s : reports.sections(organisation, report.id())) {
            java.util.Set<Integer> numbers = pictures.stream()
                    .filter(i -> i.sectionId().equals(s.id()))
                    .map(SectionImage::number)
                    .collect(Collectors.toSet());
            java.util.Set<String> unknown = new java.util.LinkedHashSet<>();
            for (String text : java.util.Arrays.asList(
                    s.body().fi(), s.body().sv(), s.body().en())) {
                unknown.addAll(Markdown.unknownReferences(text, numbers));
            }
            for (String reference : unknown) {
                gaps.add(new Gap("report.ready.pictureMissing", s.title().fi() + ": " + reference, s.id()));
            }
        }
        // A picture without its alternative text in a language the report needs keeps it from review.
        for (SectionImage i : pictures) {
            Section s = sections.get(i.sectionId());
            if (s != null && i.missingAlt(report.swedishRequired())) {
                gaps.add(new Gap("report.ready.imageNoAlt", s.title().fi(), s.id()));
            }
        }
        if (report.swedishRequired() && report.title().sv() == null) {
            gaps.add(new Gap("report.ready.noSwedishTitle", null, null));
        }
        Map<String, Placement> placed = reports.placements(organisation, report.id()).stream()
                .collect(Collectors.toMap(Placement::itemKey, Function.identity()));
        long undecided = outlines.minimumList().items().stream()
                .filter(i -> placed.get(i.key()) == null || !placed.get(i.key()).decided())
                .count();
        if (undecided > 0) {
            gaps.add(new Gap("report.ready.minimumUndecided", String.valueOf(undecided), null));
        }
        boolean summary = report.summary().fi() != null
                && (!report.swedishRequired() || report.summary().sv() != null);
        if (!summary
                && (report.noSummaryReason() == null || report.noSummaryReason().isBlank())) {
            gaps.add(new Gap("report.ready.noSummary", null, null));
        }
        return gaps;
    }
}
