package fi.hyte.platform.document;

import fi.hyte.maturity.domain.MaturityMatrix;
import fi.hyte.maturity.domain.MaturityModel;
import fi.hyte.platform.chart.LineChart;
import fi.hyte.platform.document.Document.Column;
import fi.hyte.platform.document.Document.Emphasis;
import fi.hyte.platform.document.Document.Figure;
import fi.hyte.platform.document.Document.Item;
import fi.hyte.platform.document.Document.ItemList;
import fi.hyte.platform.document.Document.Link;
import fi.hyte.platform.document.Document.Paragraph;
import fi.hyte.platform.document.Document.Picture;
import fi.hyte.platform.document.Document.Quote;
import fi.hyte.platform.document.Document.Section;
import fi.hyte.platform.document.Document.Strong;
import fi.hyte.platform.document.Document.Table;
import fi.hyte.platform.document.Document.Text;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Documents for the renderer's tests and benchmark, with the real maturity matrix and a real
 * indicator line chart. TODO(merge): LineChart moves to fi.hyte.platform.chart (the lead's change).
 */
public final class SampleDocuments {

    static final Locale FINNISH = Locale.forLanguageTag("fi");
    static final List<Integer> YEARS = List.of(2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024);
    static final double[] KERAVA = {11.2, 11.8, 12.1, 12.6, 13.4, 12.9, 12.4, 12.0, 11.7};
    static final double[] UUSIMAA = {10.4, 10.6, 10.9, 11.1, 11.9, 11.6, 11.3, 11.2, 11.0};
    static final double[] COUNTRY = {12.0, 12.1, 12.3, 12.5, 13.0, 12.8, 12.6, 12.5, 12.3};
    static final Map<String, Integer> AGREED =
            new LinkedHashMap<>(Map.of("strategy", 3, "collaboration", 2, "goals", 2, "concept", 1, "inequality", 2));

    static final String KOULUTERVEYSKYSELY =
            "https://thl.fi/tutkimus-ja-kehittaminen/tutkimukset-ja-hankkeet/kouluterveyskysely";

    private SampleDocuments() {}

    /** The renderer as the application builds it, without the application: templates and bundles. */
    public static DocumentRenderer renderer() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages/platform", "messages/maturity");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setTemplateEngineMessageSource(messages);
        engine.setEnableSpringELCompiler(true);
        return new DocumentRenderer(engine, messages);
    }

    static MaturityModel promeq() {
        try (InputStream in = SampleDocuments.class.getResourceAsStream("/maturity/promeq-2019.json")) {
            return JsonMapper.builder().build().readValue(in, MaturityModel.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The maturity matrix with the agreed levels, and the same facts as a table. */
    static Figure matrix(MaturityModel model, Locale locale) {
        String svg = MaturityMatrix.svg(
                model,
                AGREED,
                locale,
                new MaturityMatrix.Texts(
                        "Hyvinvointijohtamisen kypsyystaso 2025",
                        "Sovitut tasot kriteereittäin Promeq-mallin matriisissa.",
                        "sovittu taso"));
        List<List<String>> rows = new ArrayList<>();
        for (MaturityModel.Criterion criterion : model.criteria()) {
            int level = AGREED.get(criterion.key());
            rows.add(List.of(
                    criterion.title().in(locale),
                    Integer.toString(level),
                    model.level(level).name().in(locale)));
        }
        return new Figure(
                svg,
                "Kypsyysmatriisi: strategia tasolla 3, yhteistyö, tavoitteet ja eriarvoisuus tasolla 2, toimintamalli"
                        + " tasolla 1.",
                "Hyvinvointijohtamisen kypsyystaso kriteereittäin (itsearviointi 2025)",
                new Table(
                        "Kuvion tiedot: sovittu taso kriteereittäin",
                        List.of(
                                new Column("Kriteeri", false),
                                new Column("Taso", true),
                                new Column("Tason nimi", false)),
                        rows));
    }

    /** A line chart of an indicator for Kerava, its region and the country, with the numbers as a table. */
    static Figure lineChart(String id, String indicator, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        List<LineChart.Series> series = List.of(
                series("Kerava", true, KERAVA), series("Uusimaa", false, UUSIMAA), series("Koko maa", false, COUNTRY));
        String svg = LineChart.render(new LineChart.Chart(
                id, indicator, "Kerava, Uusimaa ja koko maa vuosina 2016–2024.", "%", 1, locale, series));
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < YEARS.size(); i++) {
            rows.add(List.of(
                    Integer.toString(YEARS.get(i)),
                    format.format(KERAVA[i]),
                    format.format(UUSIMAA[i]),
                    format.format(COUNTRY[i])));
        }
        return new Figure(
                svg,
                indicator + ": Keravan osuus nousi vuoteen 2020 (13,4 %) ja on laskenut sen jälkeen 11,7 prosenttiin;"
                        + " koko maassa 12,3 %.",
                indicator + ", 2016–2024",
                new Table(
                        "Kuvion tiedot: " + indicator + ", %",
                        List.of(
                                new Column("Vuosi", false),
                                new Column("Kerava", true),
                                new Column("Uusimaa", true),
                                new Column("Koko maa", true)),
                        rows));
    }

    private static LineChart.Series series(String label, boolean emphasised, double[] values) {
        List<LineChart.Point> points = new ArrayList<>();
        for (int i = 0; i < YEARS.size(); i++) {
            points.add(new LineChart.Point(YEARS.get(i), BigDecimal.valueOf(values[i])));
        }
        return new LineChart.Series(label, emphasised, points);
    }

    /**
     * The proof: a short report with marked text and links, lists, a quotation, the matrix, one
     * chart, two pictures (JPEG and PNG), a table and a Swedish paragraph.
     */
    public static Document proof() {
        MaturityModel model = promeq();
        Figure chart = lineChart("c4072", "Ahdistuneisuutta kokeneet nuoret", FINNISH);
        return new Document(
                "Hyvinvointikertomus 2025 (esimerkki)",
                "Vuosikertomus kunnanvaltuustolle",
                "Kerava (demo)",
                "Hyväksytty valtuustossa 12.5.2026 (§ 34)",
                FINNISH,
                List.of(
                        new Section(
                                "Tiivistelmä",
                                List.of(
                                        new Paragraph(List.of(
                                                new Text("Keravalaisten nuorten "),
                                                new Emphasis("ahdistuneisuus"),
                                                new Text(" on kääntynyt "),
                                                new Strong("laskuun"),
                                                new Text(", mutta on yhä koko maan tasolla. Hyvinvointijohtaminen"
                                                        + " on kehittyvällä tasolla; toimintamallia ei vielä ole."
                                                        + " Luvut ovat "),
                                                new Link("THL:n Kouluterveyskyselystä", KOULUTERVEYSKYSELY),
                                                new Text(" ja "),
                                                new Link(
                                                        List.of(
                                                                new Strong("Sotkanetista"),
                                                                new Text(" (indikaattori 4072)")),
                                                        "https://sotkanet.fi/sotkanet/fi/taulukko?indikaattori=4072&alue=312"),
                                                new Text("."))),
                                        new Paragraph("Valtuustokauden painopisteet:"),
                                        new ItemList(
                                                false,
                                                List.of(
                                                        new Item(List.of(
                                                                new Strong("Mielen hyvinvointi:"),
                                                                new Text(" matalan kynnyksen apu kouluissa"))),
                                                        new Item(
                                                                List.of(new Text("Liikkuminen ja harrastukset")),
                                                                ItemList.bullets(
                                                                        "Harrastamisen Suomen malli kaikkiin kouluihin",
                                                                        "Liikuntapaikkojen iltavuorot nuorille")),
                                                        new Item(List.of(
                                                                new Text("Yhdenvertaisuus, katso "),
                                                                new Link(
                                                                        "hyvinvointisuunnitelma",
                                                                        "https://www.kerava.fi/hyvinvointi"))))),
                                        new Paragraph("Seuraavat askeleet:"),
                                        ItemList.numbered(
                                                "Hyvinvointiryhmä kokoaa toimenpiteet keväällä 2026.",
                                                "Lautakunnat käsittelevät ne syksyllä 2026.",
                                                "Valtuusto hyväksyy kertomuksen joulukuussa 2026."),
                                        new Quote(List.of(new Paragraph(List.of(
                                                new Text("Nuorten mielen hyvinvointi on koko kunnan asia, ei vain "),
                                                new Emphasis("koulun"),
                                                new Text(". – Hyvinvointiryhmän puheenjohtaja"))))))),
                        new Section(
                                "Hyvinvointijohtamisen kypsyystaso",
                                null,
                                List.of(
                                        new Paragraph("Hyvinvointiryhmä arvioi johtamisen Promeq-mallilla."),
                                        matrix(model, FINNISH)),
                                List.of(new Section(
                                        "Sammanfattning på svenska",
                                        Locale.forLanguageTag("sv"),
                                        List.of(new Paragraph(
                                                "Välfärdsledningen är på utvecklingsnivå.",
                                                Locale.forLanguageTag("sv"))),
                                        List.of()))),
                        new Section(
                                "Nuorten hyvinvointi",
                                null,
                                List.of(
                                        new Paragraph("Kouluterveyskyselyn tulokset 2016–2024."),
                                        chart,
                                        new Picture(
                                                Pictures.jpeg(1200, 560),
                                                "Piirroskuva nuorisotilasta: matala rakennus, sen edessä pyöräteline ja"
                                                        + " puita, taustalla kukkuloita ja ilta-aurinko.",
                                                "Nuorisotila Tunneli (piirroskuva)"),
                                        new Picture(
                                                Pictures.png(480, 200),
                                                "Kolme palkkia: kouluissa 12, nuorisotiloissa 7 ja verkossa 4 ryhmää.",
                                                "Matalan kynnyksen ryhmät 2025"),
                                        new Table(
                                                "Suunnitelman tavoitteet",
                                                List.of(
                                                        new Column("Tavoite", false),
                                                        new Column("Lähtötaso", true),
                                                        new Column("Tavoite 2029", true)),
                                                List.of(
                                                        List.of("Ahdistuneisuus vähenee", "12,4", "10,5"),
                                                        List.of("Harrastus kaikille", "87,0", "92,0")))),
                                List.of())));
    }

    /**
     * A long report: {@code charts} sections, each a heading, text, a chart with its table and a
     * little more text; with 20 charts about 20 A4 pages.
     */
    public static Document longReport(int charts) {
        List<Section> sections = new ArrayList<>();
        String text = "Indikaattorin kehitystä tarkastellaan suhteessa maakuntaan ja koko maahan. Muutos on"
                + " pysynyt maltillisena, ja ero koko maahan on kaventunut viime vuosina. Tulosta seurataan"
                + " hyvinvointisuunnitelman tavoitteiden osana, ja toimenpiteiden vaikutusta arvioidaan vuosittain.";
        for (int i = 1; i <= charts; i++) {
            sections.add(new Section(
                    "Indikaattori " + i,
                    List.of(
                            new Paragraph(text),
                            lineChart("c" + i, "Indikaattori " + i, FINNISH),
                            new Paragraph(text + " " + text))));
        }
        return new Document(
                "Laaja hyvinvointikertomus 2025–2029 (esimerkki)",
                "Valtuustokausi 2025–2029",
                "Kerava (demo)",
                "Luonnos",
                FINNISH,
                sections);
    }
}
