package fi.hyte.plan.domain;

import fi.hyte.platform.LocalizedText;
import java.util.UUID;

/** A wellbeing policy line (hyvinvointilinjaus) of the plan, tied to the organisation's strategy. */
public record PolicyLine(
        UUID id,
        UUID planId,
        int ref,
        int position,
        LocalizedText title,
        LocalizedText description,
        String strategyRef,
        int version) {}
