package fi.hyte.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.hyte.support.Fixtures;
import fi.hyte.support.Fixtures.Org;
import fi.hyte.support.HyteSpringTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The organisations' data revisions (V20261211_1): every table an organisation's pages may compose
 * from raises its organisation's revision, once per transaction and only when the transaction
 * commits; the shared tables raise the shared revision. What is kept by these revisions (the
 * report's compositions) is only as sound as this list, so a new table must either raise or be
 * named below with the reason it need not.
 */
@HyteSpringTest
class DataRevisionTests {

    /** Tables of an organisation's that nothing is composed from, and why. */
    static final Map<String, String> NOT_COMPOSED = Map.ofEntries(
            Map.entry("audit_event", "the record of changes, written by every change"),
            Map.entry("api_token", "access, not content"),
            Map.entry("membership", "access, not content"),
            Map.entry("sign_in_policy", "access, not content"),
            Map.entry("sign_in_provider", "access, not content"),
            Map.entry("background_job", "a job's progress; its results are written to tables that raise"),
            Map.entry("indicator_upload", "a file waiting for its preview; its import writes tables that raise"),
            Map.entry("mail_management_recipient", "who is mailed"),
            Map.entry("mail_opt_out", "who is mailed"),
            Map.entry("mail_outbox", "mail waiting to be sent"),
            Map.entry("mail_run", "when mail was sent"),
            Map.entry("mail_setting", "who is mailed"),
            Map.entry("consultation_answer", "residents' answers, written in bulk; composed only as themes"),
            Map.entry("consultation_response", "residents' answers, written in bulk; composed only as themes"),
            Map.entry("consultation_email", "a resident's address for the answer to come"),
            Map.entry("consultation_flag", "residents' reports of a comment to the moderators"),
            Map.entry("report_comment", "comments are never composed or published"),
            Map.entry("report_export", "a file made from a snapshot, which never changes"),
            Map.entry("data_revision", "the revisions themselves"));

    /** Tables without an organisation that nothing is composed from. */
    static final Set<String> NOT_SHARED_CONTENT = Set.of(
            "flyway_schema_history",
            "app_user",
            "login_throttle",
            "login_client_throttle",
            "sign_in_link",
            "spring_session",
            "spring_session_attributes",
            "mail_recipient",
            "mail_signing_key",
            "participation_key",
            "data_revision_shared_mark");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    DataRevisions revisions;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void everyTableAPageMayComposeFromRaisesARevision() {
        List<String> tables = jdbc.sql("select table_name from information_schema.tables"
                        + " where table_schema = current_schema() and table_type = 'BASE TABLE'")
                .query(String.class)
                .list();
        Set<String> ofAnOrganisation = new TreeSet<>(jdbc.sql("select table_name from information_schema.columns"
                        + " where table_schema = current_schema() and column_name = 'organisation_id'")
                .query(String.class)
                .list());
        Set<String> raising = new TreeSet<>(triggered("data_revise"));
        Set<String> raisingShared = new TreeSet<>(triggered("data_revise_shared"));

        Set<String> silent = new TreeSet<>();
        for (String table : tables) {
            boolean raises = ofAnOrganisation.contains(table)
                    ? raising.contains(table) || NOT_COMPOSED.containsKey(table)
                    : raisingShared.contains(table) || NOT_SHARED_CONTENT.contains(table);
            if (!raises) {
                silent.add(table);
            }
        }
        assertThat(silent)
                .as("tables that raise no data revision: add a trigger in the module's migration, or name"
                        + " the table in DataRevisionTests with the reason nothing is composed from it")
                .isEmpty();
        assertThat(raising).doesNotContainAnyElementsOf(NOT_COMPOSED.keySet());
        assertThat(raisingShared).contains("indicator_value", "indicator_region", "organisation", "region");
    }

    private List<String> triggered(String function) {
        return jdbc.sql("select distinct t.tgrelid::regclass::text from pg_trigger t join pg_proc p on p.oid = t.tgfoid"
                        + " where p.proname = ? and not t.tgisinternal")
                .param(function)
                .query(String.class)
                .list();
    }

    @Test
    void aCommittedChangeRaisesItsOrganisationsRevisionOnceAndARolledBackOneNot() {
        Org org = fixtures.organisation("revisio");
        Org other = fixtures.organisation("revisio-muu");
        var before = revisions.of(List.of(org.id(), other.id()));

        // Three rows in one transaction raise the revision by one.
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            for (int i = 0; i < 3; i++) {
                fixtures.sector(org, "Toimiala " + i);
            }
        });
        var after = revisions.of(List.of(org.id(), other.id()));
        assertThat(after.of(org.id())).isEqualTo(before.of(org.id()) + 1);
        assertThat(after.of(other.id())).isEqualTo(before.of(other.id()));
        assertThat(after).isNotEqualTo(before);

        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(s -> {
                    fixtures.sector(org, "Peruttava toimiala");
                    throw new IllegalStateException("peruttu");
                }))
                .hasMessage("peruttu");
        assertThat(revisions.of(List.of(org.id(), other.id()))).isEqualTo(after);
    }

    @Test
    void aChangeOfSharedDataRaisesTheSharedRevision() {
        long before = revisions.of(List.of()).shared();
        jdbc.sql("update region set name_fi = name_fi where kind = 'MUNICIPALITY' and code = '245'")
                .update();
        assertThat(revisions.of(List.of()).shared()).isGreaterThan(before);
        assertThat(jdbc.sql("select count(*) from data_revision_shared_mark")
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
