package fi.hyte.organisation.domain;

import fi.hyte.platform.LocalizedText;
import java.util.UUID;

/** A sector or unit of the organisation (toimiala). */
public record Sector(UUID id, LocalizedText name, int position, int version) {}
