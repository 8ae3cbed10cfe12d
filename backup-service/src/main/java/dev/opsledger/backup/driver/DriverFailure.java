package dev.opsledger.backup.driver;

/** A driver step failed for a reason a person can act on; {@code stderrTail} is the tool's last words. */
public class DriverFailure extends Exception {

    private final String stderrTail;

    public DriverFailure(String reason, String stderrTail) {
        super(reason);
        this.stderrTail = stderrTail;
    }

    public DriverFailure(String reason) {
        this(reason, null);
    }

    public String stderrTail() {
        return stderrTail;
    }
}
