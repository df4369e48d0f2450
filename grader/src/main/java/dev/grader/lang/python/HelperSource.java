package dev.grader.lang.python;

import com.fasterxml.jackson.databind.JsonNode;
import dev.grader.analyse.python.PyNode;
import dev.grader.analyse.python.TreeSource;
import dev.grader.build.PythonSource;
import dev.grader.python.PythonHelper;
import java.util.List;

/**
 * Answer the build and analyse stages' questions about Python source with the batch's helper process.
 */
public final class HelperSource implements PythonSource, TreeSource {

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

    @Override
    public PyNode parse(String source) {
        JsonNode r = helper.tree(source);
        return r.path("ok").asBoolean() ? PyNode.of(r.path("tree")) : null;
    }
}
