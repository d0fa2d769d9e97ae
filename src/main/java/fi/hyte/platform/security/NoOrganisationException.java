package fi.hyte.platform.security;

/** The signed-in user holds no role in any organisation yet. */
class NoOrganisationException extends RuntimeException {

    NoOrganisationException() {
        super("The user has no organisation");
    }
}
