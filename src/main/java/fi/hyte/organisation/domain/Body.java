package fi.hyte.organisation.domain;

import fi.hyte.platform.LocalizedText;
import java.util.UUID;

/** A council, board, committee, group or influence council of the organisation. */
public record Body(UUID id, BodyType type, LocalizedText name, int version) {}
