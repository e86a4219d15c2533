package cn.xunjian.recheck;

/**
 * The re-check was asked for something the run does not hold: no report.json, no such site or finding id. The
 * message is Chinese and names the file and the field.
 */
public final class RecheckInputException extends Exception {
    public RecheckInputException(String message) {
        super(message);
    }
}
