package fi.hyte.organisation.web;

import fi.hyte.organisation.domain.Sector;
import fi.hyte.platform.LocalizedText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** Adding or editing a sector. */
record SectorForm(
        @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.tooLong}")
        String nameFi,

        @Size(max = 200, message = "{validation.tooLong}") String nameSv,

        @NotNull(message = "{validation.range}")
        @Min(value = 0, message = "{validation.range}")
        @Max(value = 999, message = "{validation.range}")
        Integer position,

        Integer version) {

    SectorForm {
        version = version == null ? -1 : version;
    }

    static SectorForm empty() {
        return new SectorForm("", "", 0, 0);
    }

    static SectorForm of(Sector sector) {
        return new SectorForm(sector.name().fi(), sector.name().sv(), sector.position(), sector.version());
    }

    Sector toSector(UUID id) {
        return new Sector(id, LocalizedText.of(nameFi, nameSv), position, version);
    }

    SectorForm withVersion(int newVersion) {
        return new SectorForm(nameFi, nameSv, position, newVersion);
    }
}
