package fi.hyte.report.domain;

/**
 * A change the report's rules refuse, with the message key (report bundle) that tells the user why.
 * Nothing has been changed when it is thrown.
 */
public class ReportProblem extends RuntimeException {

    private final String key;
    private final transient Object[] args;

    public ReportProblem(String key, Object... args) {
        super(key);
        this.key = key;
        this.args = args;
    }

    public String key() {
        return key;
    }

    public Object[] args() {
        return args;
    }
}
