package fi.hyte.plan.domain;

import fi.hyte.platform.LocalizedText;
import java.util.UUID;

/** A wellbeing dimension of the organisation's own taxonomy (physical, mental, social, environmental…). */
public record Dimension(UUID id, LocalizedText name, int position, int version) {}
