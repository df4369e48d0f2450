package dev.grader.analyse.python;

import dev.grader.analyse.Severity;
import dev.grader.analyse.python.Model.CallSite;
import dev.grader.analyse.python.Model.ListVal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Find {@code args=(x)}: brackets around one value are not a tuple. */
final class ArgsNotTupleRule extends PythonRule {

    ArgsNotTupleRule() {
        super("args-not-tuple", Severity.ERROR, "args=(x) is not a tuple",
                "A tuple of one value needs a comma: (x) is just x. The process or task then gets x itself as its "
                        + "list of arguments and fails with TypeError ('int' object is not iterable), or, for a "
                        + "string, receives each character as a separate argument.",
                "Write args=(x,) with a trailing comma, or args=[x].",
                "p = Process(target=show, args=(5))\n");
    }

    @Override
    protected void find(Model model, List<Hit> out) {
        for (CallSite cs : model.calls) {
            PyNode a = cs.args();
            if (a == null || a.is("Tuple") || a.is("List") || a.is("ListComp") || a.is("GeneratorExp")
                    || cs.argValues().stream().anyMatch(v -> v instanceof ListVal)) {
                continue;
            }
            boolean literal = a.is("Constant") && !(a.value("value") instanceof Boolean) && a.value("value") != null;
            if (literal || parenthesised(model.lines, a)) {
                String value = source(model, a, "x");
                String text = literal && a.value("value") instanceof String ? " A string would be split into its "
                        + "characters, one argument each." : "";
                out.add(hit(a.line(), "The arguments (" + value + ") are not a tuple: brackets around one value do "
                        + "not make a tuple, a comma does, so this fails with TypeError. Write (" + value
                        + ",) with a trailing comma." + text));
            }
        }
    }

    /** Return true when the expression is written inside its own brackets: {@code args=(x)}. */
    private static boolean parenthesised(List<String> lines, PyNode a) {
        if (a.line() < 1 || a.line() > lines.size()) {
            return false;
        }
        byte[] line = lines.get(a.line() - 1).getBytes(StandardCharsets.UTF_8);
        int i = Math.min(a.col(), line.length) - 1;
        while (i >= 0 && (line[i] == ' ' || line[i] == '\t')) {
            i--;
        }
        if (i < 0 || line[i] != '(') {
            return false;
        }
        i--;
        while (i >= 0 && (line[i] == ' ' || line[i] == '\t')) {
            i--;
        }
        return i >= 0 && (line[i] == '=' || line[i] == ',');
    }
}
