package dev.grader.analyse.java;

import dev.grader.analyse.Severity;
import dev.grader.analyse.java.JavaFacts.Kind;
import dev.grader.analyse.java.JavaFacts.Var;
import java.util.List;

/** Find a child Process waited for while its output is never read nor redirected. */
final class ProcessOutputNotConsumedRule extends JavaRule {

    ProcessOutputNotConsumedRule() {
        super("java-process-output-not-consumed", Severity.WARNING, "Child process output never consumed",
                "A child writes into a pipe of limited size (64 KiB on Linux); when nobody reads it, the child blocks "
                        + "on a full pipe and waitFor() waits forever.",
                "Read getInputStream() (and getErrorStream()) before waitFor(), or use ProcessBuilder.inheritIO() or "
                        + "redirectOutput().",
                "Process p = new ProcessBuilder(\"ls\", \"-R\", \"/\").start();\np.waitFor();\n");
    }

    @Override
    protected void find(JavaFacts facts, List<Hit> out) {
        boolean redirected = facts.unit.toString().contains("inheritIO") || facts.unit.toString().contains("redirectOutput");
        for (Var v : facts.vars(Kind.PROCESS)) {
            if (redirected || v.escapes() || v.calls("waitFor").isEmpty()
                    || !v.calls("getInputStream", "inputReader", "getErrorStream", "errorReader").isEmpty()) {
                continue;
            }
            out.add(hit(JavaFacts.line(v.calls("waitFor").get(0)), "The output of the process " + v.name()
                    + " is never read: if it writes more than a pipe holds, it blocks and waitFor() never returns. "
                    + "Read " + v.name() + ".getInputStream() first, or use inheritIO()."));
        }
    }
}
