package fi.hyte.organisation.domain;

import java.util.UUID;

/** A person's seat in a body. */
public record BodyMember(UUID id, UUID bodyId, UUID personId, MemberRole role, int version) {}
