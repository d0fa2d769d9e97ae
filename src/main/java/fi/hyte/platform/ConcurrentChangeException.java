package fi.hyte.platform;

/** Thrown when a record was changed by someone else after the form was opened. */
public class ConcurrentChangeException extends RuntimeException {

    public ConcurrentChangeException(String what) {
        super(what + " was changed by someone else");
    }
}
