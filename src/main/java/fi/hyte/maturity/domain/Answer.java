package fi.hyte.maturity.domain;

import java.util.UUID;

/** A respondent's level for one criterion, with the reasons; the level may be empty in a draft. */
public record Answer(UUID participantId, String criterion, Integer level, String justification, String evidence) {}
