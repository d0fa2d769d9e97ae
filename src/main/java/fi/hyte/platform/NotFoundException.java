package fi.hyte.platform;

/** Thrown when a record does not exist in the current organisation; answered with 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what + " not found");
    }
}
