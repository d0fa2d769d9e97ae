package fi.hyte.platform.identity;

import fi.hyte.platform.OrganisationId;
import fi.hyte.platform.Role;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * An organisation's OpenID Connect provider as the operator configured it; the client secret stays
 * sealed. {@code groupRoles} maps a group claim's values to Hyte roles ("group=ROLE" a line); with
 * none, roles are managed in Hyte. {@code newUserRole} turns on just-in-time accounts (null: off).
 */
record SignInProvider(
        UUID id,
        OrganisationId organisation,
        String name,
        String issuer,
        String clientId,
        byte[] sealedSecret,
        String usernameClaim,
        String groupClaim,
        String groupRoles,
        Role newUserRole,
        boolean enabled,
        int version) {

    static final String PREFIX = "p-";

    String registrationId() {
        return PREFIX + id;
    }

    static Optional<UUID> idOf(String registrationId) {
        if (registrationId == null || !registrationId.startsWith(PREFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(registrationId.substring(PREFIX.length())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    boolean managesRoles() {
        return !mapping().isEmpty();
    }

    /** The lines of {@code groupRoles} as group → role; a line that is not "group=ROLE" is refused when saved. */
    Map<String, Role> mapping() {
        return parseMapping(groupRoles).orElse(Map.of());
    }

    static Optional<Map<String, Role>> parseMapping(String text) {
        Map<String, Role> mapping = new LinkedHashMap<>();
        if (text == null) {
            return Optional.of(mapping);
        }
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int eq = line.lastIndexOf('=');
            if (eq <= 0) {
                return Optional.empty();
            }
            String group = line.substring(0, eq).strip();
            String role = line.substring(eq + 1).strip().toUpperCase(java.util.Locale.ROOT);
            try {
                mapping.put(group, Role.valueOf(role));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.of(mapping);
    }

    /** The highest role the given groups give, if any. */
    Optional<Role> roleFor(Collection<String> groups) {
        Map<String, Role> mapping = mapping();
        return groups.stream().map(mapping::get).filter(r -> r != null).max(Enum::compareTo);
    }
}
