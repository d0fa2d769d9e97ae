package fi.hyte.participation.domain;

import fi.hyte.indicator.IndicatorCatalog;
import fi.hyte.indicator.IndicatorCatalog.Figure;
import fi.hyte.organisation.OrganisationCatalog;
import fi.hyte.participation.PublicReports;
import fi.hyte.participation.PublicReports.PublishedReport;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.OrganisationId;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the public sees of an organisation: only a site that is online, only what was published.
 * Every read takes the site found by its address, so one organisation's address never shows
 * another's publications.
 */
@Service
@Transactional(readOnly = true)
public class PublicReading {

    /**
     * The templates and texts of this build: a page cached before a new release is not answered 304
     * by it. (Nodes started at different times just answer 200 once more.)
     */
    private static final long STARTED = ManagementFactory.getRuntimeMXBean().getStartTime();

    private final PublicSites sites;
    private final Publications publications;
    private final IndicatorCatalog indicators;
    private final OrganisationCatalog organisations;
    private final ObjectProvider<PublicReports> reports;

    PublicReading(
            PublicSites sites,
            Publications publications,
            IndicatorCatalog indicators,
            OrganisationCatalog organisations,
            ObjectProvider<PublicReports> reports) {
        this.sites = sites;
        this.publications = publications;
        this.indicators = indicators;
        this.organisations = organisations;
        this.reports = reports;
    }

    /** The site at this address if it is online; a site not yet online is not found, like one never made. */
    public Optional<PublicSite> online(String slug) {
        if (slug == null || !slug.matches("[a-z0-9-]{1,60}")) {
            return Optional.empty();
        }
        return sites.bySlug(slug).filter(PublicSite::online);
    }

    /**
     * The pages' entity tag: the site's publication version (every publication and settings change),
     * the key indicators' import batches (every import or refresh of their values), the report
     * module's publication version and this build.
     */
    public String etag(PublicSite site) {
        OrganisationId org = site.organisation();
        long data = indicators.dataVersion(org, publications.indicators(org));
        long report = reports.stream().mapToLong(r -> r.version(org)).sum();
        return "\"" + site.publicationVersion() + "-" + data + "-" + report + "-" + Long.toString(STARTED, 36) + "\"";
    }

    public LocalizedText name(PublicSite site) {
        return organisations
                .summary(site.organisation())
                .map(OrganisationCatalog.OrganisationSummary::name)
                .orElse(new LocalizedText("", null, null));
    }

    public Optional<PublishedPlan> plan(PublicSite site) {
        return publications.plan(site.organisation());
    }

    public List<Integer> evaluationYears(PublicSite site) {
        return publications.evaluationYears(site.organisation());
    }

    public Optional<PublishedEvaluations> evaluations(PublicSite site, int year) {
        return publications.evaluations(site.organisation(), year);
    }

    public Optional<PublishedReport> report(PublicSite site) {
        return reports.stream()
                .map(r -> r.latest(site.organisation()))
                .flatMap(Optional::stream)
                .findFirst();
    }

    /** How many key indicators the site shows. */
    public int indicatorCount(PublicSite site) {
        return publications.indicators(site.organisation()).size();
    }

    /**
     * The key indicators' figures as the indicator module renders them, in the reader's language.
     * Each chart's element ids are made unique on the page, so that each chart's text alternative
     * is its own.
     */
    public List<Figure> figures(PublicSite site, Locale locale) {
        List<Figure> figures = new ArrayList<>();
        int n = 0;
        for (int id : publications.indicators(site.organisation())) {
            Optional<Figure> figure = indicators.figure(site.organisation(), id, Optional.empty(), locale);
            if (figure.isEmpty()) {
                continue;
            }
            Figure f = figure.get();
            n++;
            String chart = f.chart() == null ? null : f.chart().replace("chart-regions", "key-indicator-" + n);
            figures.add(new Figure(
                    f.indicator(),
                    f.gender(),
                    chart,
                    null,
                    f.description(),
                    f.leftOut(),
                    f.years(),
                    f.table(),
                    f.source(),
                    f.licence(),
                    f.retrievedAt()));
        }
        return figures;
    }
}
