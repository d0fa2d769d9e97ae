package fi.hyte.platform;

/** A principal that can name itself in the audit log. */
public interface ActorDetails {

    UserId actorId();

    String actorName();
}
