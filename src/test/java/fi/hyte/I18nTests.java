package fi.hyte;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.indicator.domain.AgeGroup;
import fi.hyte.indicator.domain.Direction;
import fi.hyte.indicator.domain.Gender;
import fi.hyte.indicator.domain.Theme;
import fi.hyte.indicator.domain.ValueFileReader;
import fi.hyte.maturity.domain.RoundStatus;
import fi.hyte.organisation.domain.Affiliation;
import fi.hyte.organisation.domain.BodyType;
import fi.hyte.organisation.domain.MemberRole;
import fi.hyte.organisation.domain.OrganisationType;
import fi.hyte.organisation.domain.ResponsibilityKind;
import fi.hyte.plan.domain.Finding;
import fi.hyte.plan.domain.MeasureStatus;
import fi.hyte.plan.domain.Realisation;
import fi.hyte.plan.domain.TargetDirection;
import fi.hyte.plan.domain.TargetGroup;
import fi.hyte.plan.domain.TargetStatus;
import fi.hyte.platform.Role;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every UI string is in the bundles in Finnish, Swedish and English, and templates carry no literal
 * text of their own (in the spirit of PetClinic's I18nPropertiesSyncTest).
 */
class I18nTests {

    static final Path MESSAGES = Path.of("src/main/resources/messages");
    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    static final Path JAVA = Path.of("src/main/java");
    static final List<String> LANGUAGES = List.of("fi", "sv", "en");

    @Test
    void everyBundleHasTheSameKeysInEveryLanguage() throws IOException {
        for (String module : modules()) {
            Set<String> finnish = load(module, "fi").stringPropertyNames();
            for (String language : List.of("sv", "en")) {
                Properties other = load(module, language);
                assertThat(new TreeSet<>(other.stringPropertyNames()))
                        .as("keys of %s_%s compared with %s_fi", module, language, module)
                        .isEqualTo(new TreeSet<>(finnish));
                other.forEach((key, value) -> assertThat(value.toString())
                        .as("%s_%s %s", module, language, key)
                        .isNotBlank());
            }
        }
    }

    @Test
    void everyKeyUsedInTemplatesAndCodeExists() throws IOException {
        Set<String> known = allKeys("fi");
        Set<String> used = new TreeSet<>();
        Pattern templateKey = Pattern.compile("#\\{([a-zA-Z0-9_.]+)[}(]");
        Pattern codeKey =
                Pattern.compile("\"((?:" + String.join("|", keyPrefixes()) + ")\\.[a-zA-Z0-9_.]+[a-zA-Z0-9])\"");
        for (Path file : files(TEMPLATES, ".html")) {
            collect(templateKey, Files.readString(file), used);
        }
        for (Path file : files(JAVA, ".java")) {
            collect(codeKey, Files.readString(file), used);
        }
        for (Role role : Role.values()) {
            used.add("role." + role);
        }
        for (BodyType type : BodyType.values()) {
            used.add("body.type." + type);
        }
        for (MemberRole role : MemberRole.values()) {
            used.add("member.role." + role);
        }
        for (Affiliation affiliation : Affiliation.values()) {
            used.add("affiliation." + affiliation);
        }
        for (OrganisationType type : OrganisationType.values()) {
            used.add("organisation.type." + type);
        }
        for (ResponsibilityKind kind : ResponsibilityKind.values()) {
            used.add("responsibility.kind." + kind);
        }
        for (String check : List.of(
                "accountable",
                "group",
                "chair",
                "secretary",
                "sectors",
                "managementLink",
                "outsidePartners",
                "countyMember",
                "coordinator",
                "responsibilities",
                "influenceCouncils")) {
            used.add("leadership.check." + check + ".met");
            used.add("leadership.check." + check + ".gap");
        }
        for (String entity : List.of(
                "organisation",
                "sector",
                "person",
                "body",
                "bodyMember",
                "responsibility",
                "membership",
                "password",
                "user",
                "apiToken",
                "maturityRound",
                "maturityAnswer",
                "maturityConsensus",
                "maturityAction",
                "indicatorSetItem",
                "comparisonRegion",
                "plan",
                "planDimension",
                "policyLine",
                "goal",
                "goalIndicator",
                "goalEvaluation",
                "measure",
                "measureEvaluation")) {
            used.add("audit.entity." + entity);
        }
        for (AgeGroup group : AgeGroup.values()) {
            used.add("indicator.ageGroup." + group);
        }
        for (Theme theme : Theme.values()) {
            used.add("indicator.theme." + theme);
        }
        for (Direction direction : Direction.values()) {
            used.add("indicator.direction." + direction);
        }
        for (Gender gender : Gender.values()) {
            used.add("indicator.gender." + gender.code());
        }
        for (ValueFileReader.Format format : ValueFileReader.Format.values()) {
            used.add("indicator.upload.format." + format);
        }
        for (String judgement : List.of("-1", "0", "1")) {
            used.add("indicator.judgement." + judgement);
        }
        for (String against : List.of("-2", "-1", "0", "1", "2")) {
            used.add("indicator.against." + against);
        }
        for (String role : List.of("own", "county", "region", "country", "peer")) {
            used.add("indicator.role." + role);
        }
        for (String gap : List.of("best", "worst", "bestNeutral", "worstNeutral", "genderMen", "genderWomen")) {
            used.add("indicator.gap." + gap);
        }
        for (String reason : List.of("group", "area")) {
            used.add("indicator.comparisons.reason." + reason);
        }
        for (int line = 0; line < 9; line++) {
            used.add("indicator.template.help." + line);
        }
        for (String problem : List.of(
                "empty",
                "encryptedOrXls",
                "damaged",
                "notSpreadsheet",
                "encoding",
                "csvSyntax",
                "unpacksTooLarge",
                "busy")) {
            used.add("files.problem." + problem);
        }
        for (String problem : List.of(
                "header",
                "columns",
                "indicatorId",
                "code",
                "year",
                "gender",
                "number",
                "unknownIndicator",
                "unknownRegion",
                "unknownMunicipality",
                "localTitle",
                "duplicate",
                "sharedNotAllowed",
                "noRows",
                "noFile",
                "noOwnRegion")) {
            used.add("indicator.problem." + problem);
        }
        for (MeasureStatus status : MeasureStatus.values()) {
            used.add("plan.status." + status);
        }
        for (TargetStatus status : TargetStatus.values()) {
            used.add("plan.target." + status);
        }
        for (TargetGroup group : TargetGroup.values()) {
            used.add("plan.group." + group);
        }
        for (TargetDirection direction : TargetDirection.values()) {
            used.add("plan.direction." + direction);
        }
        for (Realisation realised : Realisation.values()) {
            used.add("plan.realised." + realised);
        }
        for (Finding.Kind kind : Finding.Kind.values()) {
            used.add("plan.finding." + kind);
        }
        for (RoundStatus status : RoundStatus.values()) {
            used.add("maturity.status." + status);
        }
        for (String code : List.of("400", "403", "404", "413", "500")) {
            used.add("error." + code + ".title");
            used.add("error." + code + ".lead");
        }
        used.removeIf(key -> key.endsWith("."));
        assertThat(known).containsAll(used);
    }

    @Test
    void templatesHaveNoLiteralText() throws IOException {
        Pattern textBetweenTags = Pattern.compile(">([^<>]*)<");
        Pattern literalAttribute =
                Pattern.compile("(?<![:-])\\b(title|alt|placeholder|aria-label|label|value)=\"([^\"]*\\p{L}[^\"]*)\"");
        List<String> problems = new ArrayList<>();
        for (Path file : files(TEMPLATES, ".html")) {
            String html = Files.readString(file)
                    .replaceAll("(?s)<!--.*?-->", "")
                    .replaceAll("(?s)<script.*?</script>", "")
                    .replaceAll("(?s)<style.*?</style>", "");
            Matcher text = textBetweenTags.matcher(html);
            while (text.find()) {
                String content = text.group(1).strip();
                if (content.codePoints().anyMatch(Character::isLetter)) {
                    problems.add(file.getFileName() + ": text \"" + content + "\"");
                }
            }
            Matcher attribute = literalAttribute.matcher(html);
            while (attribute.find()) {
                String value = attribute.group(2);
                boolean technical = attribute.group(1).equals("value") || value.startsWith("${");
                if (!technical) {
                    problems.add(file.getFileName() + ": attribute " + attribute.group(0));
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    private static void collect(Pattern pattern, String text, Set<String> into) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            into.add(matcher.group(1));
        }
    }

    private static Set<String> allKeys(String language) throws IOException {
        Set<String> keys = new TreeSet<>();
        for (String module : modules()) {
            keys.addAll(load(module, language).stringPropertyNames());
        }
        return keys;
    }

    /**
     * What a message key in Java code starts with: each bundle's name (a new module's bundle brings its
     * own) and the first part of every key the bundles hold (the platform's "nav.", "users." …), so a
     * string in code that looks like a key of a known family must exist.
     */
    private static Set<String> keyPrefixes() throws IOException {
        Set<String> prefixes = new TreeSet<>(modules());
        for (String module : modules()) {
            for (String key : load(module, "fi").stringPropertyNames()) {
                prefixes.add(key.substring(0, key.contains(".") ? key.indexOf('.') : key.length()));
            }
        }
        return prefixes;
    }

    private static List<String> modules() throws IOException {
        try (Stream<Path> files = Files.list(MESSAGES)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith("_fi.properties"))
                    .map(name -> name.substring(0, name.length() - "_fi.properties".length()))
                    .sorted()
                    .toList();
        }
    }

    private static Properties load(String module, String language) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(
                Files.newInputStream(MESSAGES.resolve(module + "_" + language + ".properties")),
                StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    private static List<Path> files(Path root, String suffix) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(suffix)).toList();
        }
    }
}
