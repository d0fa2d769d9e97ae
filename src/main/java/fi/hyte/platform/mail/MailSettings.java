package fi.hyte.platform.mail;

import fi.hyte.platform.OrganisationId;
import fi.hyte.platform.UserId;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Organisations' mail settings, the people named for the monthly summary, and people's own choices. */
@Repository
class MailSettings {

    private final JdbcClient jdbc;

    MailSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An organisation's settings; the defaults until it saves its own. */
    record OrganisationMail(String senderAddress, String senderName, Set<MailKind> disabled, int version) {

        boolean sends(MailKind kind) {
            return !disabled.contains(kind);
        }
    }

    /** A member of an organisation who can receive mail: an active account with an e-mail address. */
    record Recipient(UserId id, String name, String email, String language, Set<MailKind> optedOut) {

        boolean wants(MailKind kind) {
            return !optedOut.contains(kind);
        }
    }

    OrganisationMail of(OrganisationId organisation) {
        return jdbc.sql("select sender_address, sender_name, disabled_kinds, version from mail_setting"
                        + " where organisation_id = ?")
                .param(organisation.value())
                .query((rs, i) ->
                        new OrganisationMail(rs.getString(1), rs.getString(2), kinds(rs.getArray(3)), rs.getInt(4)))
                .optional()
                .orElse(new OrganisationMail(null, null, EnumSet.noneOf(MailKind.class), 0));
    }

    /** Saves the settings if they are still at the version the administrator saw; false if not. */
    boolean save(OrganisationId organisation, String address, String name, Collection<MailKind> disabled, int version) {
        String[] kinds = disabled.stream().map(Enum::name).sorted().toArray(String[]::new);
        if (version == 0) {
            return jdbc.sql("insert into mail_setting (organisation_id, sender_address, sender_name, disabled_kinds,"
                                    + " version) values (?, ?, ?, ?, 1) on conflict (organisation_id) do nothing")
                            .params(organisation.value(), address, name, kinds)
                            .update()
                    == 1;
        }
        return jdbc.sql("update mail_setting set sender_address = ?, sender_name = ?, disabled_kinds = ?,"
                                + " version = version + 1 where organisation_id = ? and version = ?")
                        .params(address, name, kinds, organisation.value(), version)
                        .update()
                == 1;
    }

    private static final String RECIPIENTS = "select u.id, u.display_name, u.email, coalesce(r.language, 'fi'),"
            + " array(select o.kind from mail_opt_out o where o.organisation_id = m.organisation_id"
            + " and o.user_id = u.id) from membership m join app_user u on u.id = m.user_id"
            + " left join mail_recipient r on r.user_id = u.id where m.organisation_id = ? and u.active";

    /** The organisation's active members, with or without an address (the caller checks it). */
    List<Recipient> recipients(OrganisationId organisation) {
        return jdbc.sql(RECIPIENTS + " order by u.id")
                .param(organisation.value())
                .query(MailSettings::recipient)
                .list();
    }

    Optional<Recipient> recipient(OrganisationId organisation, UserId user) {
        return jdbc.sql(RECIPIENTS + " and u.id = ?")
                .params(organisation.value(), user.value())
                .query(MailSettings::recipient)
                .optional();
    }

    List<UserId> managementRecipients(OrganisationId organisation) {
        return jdbc.sql("select user_id from mail_management_recipient where organisation_id = ? order by user_id")
                .param(organisation.value())
                .query((rs, i) -> new UserId(rs.getObject(1, UUID.class)))
                .list();
    }

    void setManagementRecipients(OrganisationId organisation, Collection<UserId> users) {
        jdbc.sql("delete from mail_management_recipient where organisation_id = ?")
                .param(organisation.value())
                .update();
        for (UserId user : users) {
            jdbc.sql("insert into mail_management_recipient (organisation_id, user_id) values (?, ?)")
                    .params(organisation.value(), user.value())
                    .update();
        }
    }

    void setLanguage(UserId user, String language) {
        jdbc.sql("insert into mail_recipient (user_id, language) values (?, ?)"
                        + " on conflict (user_id) do update set language = excluded.language")
                .params(user.value(), language)
                .update();
    }

    /** Turns one kind off for a person in an organisation; true if it was on. */
    boolean optOut(OrganisationId organisation, UserId user, MailKind kind) {
        return jdbc.sql("insert into mail_opt_out (organisation_id, user_id, kind) values (?, ?, ?)"
                                + " on conflict do nothing")
                        .params(organisation.value(), user.value(), kind.name())
                        .update()
                == 1;
    }

    boolean optIn(OrganisationId organisation, UserId user, MailKind kind) {
        return jdbc.sql("delete from mail_opt_out where organisation_id = ? and user_id = ? and kind = ?")
                        .params(organisation.value(), user.value(), kind.name())
                        .update()
                == 1;
    }

    private static Recipient recipient(ResultSet rs, int row) throws SQLException {
        return new Recipient(
                new UserId(rs.getObject(1, UUID.class)),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                kinds(rs.getArray(5)));
    }

    private static Set<MailKind> kinds(Array array) throws SQLException {
        Set<MailKind> kinds = EnumSet.noneOf(MailKind.class);
        if (array != null) {
            for (Object kind : (Object[]) array.getArray()) {
                try {
                    kinds.add(MailKind.valueOf(kind.toString()));
                } catch (IllegalArgumentException e) {
                    // A kind this version no longer knows: nothing to turn off.
                }
            }
        }
        return kinds;
    }
}
