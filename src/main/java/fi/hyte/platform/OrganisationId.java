package fi.hyte.platform;

import java.util.UUID;

/** Identifies an organisation, the tenant that owns almost every row in Hyte. */
public record OrganisationId(UUID value) {

    public OrganisationId {
        if (value == null) {
            throw new IllegalArgumentException("organisation id is required");
        }
    }

    public static OrganisationId of(String value) {
        return new OrganisationId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
