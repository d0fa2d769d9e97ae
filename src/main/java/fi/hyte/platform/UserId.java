package fi.hyte.platform;

import java.util.UUID;

/** Identifies a person who can sign in to Hyte. */
public record UserId(UUID value) {

    @Override
    public String toString() {
        return value.toString();
    }
}
