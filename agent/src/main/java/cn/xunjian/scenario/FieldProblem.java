package cn.xunjian.scenario;

/**
 * What is wrong with one field of a scenario file, found while reading or checking it. {@code field} is relative to
 * the object being read ({@code css} inside a locator, {@code value} of a step; empty for the object itself); the
 * loader adds the file, the line and the step.
 */
final class FieldProblem extends RuntimeException {
    private final String field;

    FieldProblem(String field, String problem) {
        super(problem);
        this.field = field;
    }

    String field() {
        return field;
    }
}
