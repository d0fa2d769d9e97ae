package fi.hyte.platform.mail;

/** The kinds of message Hyte sends; each can be turned off per organisation and per person. */
public enum MailKind {
    /** The weekly digest of a person's own reminders. */
    DIGEST,
    /** Immediately: the person was made the owner of a measure. */
    OWNER_ASSIGNED,
    /** Immediately: the person was asked to answer a maturity round. */
    ANSWER_REQUESTED,
    /** The monthly summary of the plan's progress, to the people the organisation names. */
    MONTHLY_SUMMARY,
    /** Once, to a resident who left an address when answering: the consultation's results are out. */
    RESULTS_PUBLISHED,
    /** Immediately: the person's council was invited to give a statement on a consultation. */
    STATEMENT_REQUESTED,
    /** Before and on the deadline: the person's council has not yet given its statement. */
    STATEMENT_REMINDER;

    /** Sent to an address a resident left, not to a user of Hyte (no account, no personal settings). */
    public boolean toResidents() {
        return this == RESULTS_PUBLISHED;
    }

    /** The message key of the kind's name, e.g. {@code mail.kind.DIGEST}. */
    public String labelKey() {
        return "mail.kind." + name();
    }
}
