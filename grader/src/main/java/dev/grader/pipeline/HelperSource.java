package dev.grader.pipeline;

import dev.grader.build.PythonSource;
import dev.grader.python.PythonHelper;
import java.util.List;

/**
 * Answer the build stage's questions about Python source with the batch's helper process.
 */
public final class HelperSource implements PythonSource {

    private final PythonHelper helper;

    /** Make a source checker backed by the helper. */
    public HelperSource(PythonHelper helper) {
        this.helper = helper;
    }

    @Override
    public SyntaxError check(String source) {
        PythonHelper.ParseOutcome p = helper.parse(source);
        return p.ok() ? null : new SyntaxError(Math.max(p.line(), 1), p.column(), p.message());
    }

    @Override
    public List<Statement> statements(String source) {
        return helper.statements(source).stream()
                .map(s -> new Statement(s.kind(), s.firstLine(), s.lastLine(), s.mainGuard()))
                .toList();
    }
}
