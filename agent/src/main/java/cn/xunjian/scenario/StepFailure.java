package cn.xunjian.scenario;

/** A step that did not do what it says; the message (Chinese) goes into the step log. */
final class StepFailure extends RuntimeException {
    StepFailure(String message) {
        super(message);
    }
}
