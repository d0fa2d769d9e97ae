package fi.hyte.platform;

import java.util.Optional;

/**
 * Where a user lands after signing in, contributed as a bean by the module whose page is that
 * user's work (e.g. an editor's own responsibilities in the plan). Without one that answers, the
 * user lands on the leadership overview.
 */
public interface LandingPage {

    /** The path to land on for the signed-in user in their organisation, if this module has it. */
    Optional<String> pathFor(Tenant tenant);
}
