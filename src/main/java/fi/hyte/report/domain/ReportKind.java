package fi.hyte.report.domain;

/** The kinds of report the law asks for (612/2021 6–7 §). */
public enum ReportKind {
    /** The yearly report to the council. */
    ANNUAL,
    /** The extended report and plan of a council term, sent on to the county. */
    EXTENDED,
    /** A wellbeing services county's regional report and plan. */
    REGIONAL
}
