package fi.hyte.organisation.domain;

import fi.hyte.platform.LocalizedText;
import java.util.UUID;

/** A named responsibility: who (a person or a body) answers for what. */
public record Responsibility(
        UUID id, ResponsibilityKind kind, UUID personId, UUID bodyId, LocalizedText description, int version) {}
