package fi.hyte.indicator.sotkanet;

import java.net.URI;

/**
 * Sotkanet could not be reached, or kept failing, after every retry: connection refused or dropped,
 * timeouts, 5xx or 429 answers. Shown to people with {@link #MESSAGE_KEY} and the host as its argument.
 */
public class SotkanetUnavailableException extends RuntimeException {

    public static final String MESSAGE_KEY = "indicator.sotkanet.unavailable";

    private static final long serialVersionUID = 1L;

    private final transient URI uri;

    public SotkanetUnavailableException(URI uri, int attempts, String lastFailure, Throwable cause) {
        super(
                "Sotkanet cannot be reached at " + uri + " (" + MESSAGE_KEY + "): " + lastFailure + ", after "
                        + attempts + (attempts == 1 ? " attempt" : " attempts"),
                cause);
        this.uri = uri;
    }

    /** The address that failed. */
    public URI uri() {
        return uri;
    }

    /** The host and port, for the message shown to people. */
    public String host() {
        return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }

    public String messageKey() {
        return MESSAGE_KEY;
    }
}
