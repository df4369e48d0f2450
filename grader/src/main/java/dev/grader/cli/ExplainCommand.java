package dev.grader.cli;

import dev.grader.analyse.Catalogue;
import dev.grader.analyse.RuleInfo;
import dev.grader.rubric.CheckReference;
import dev.grader.rubric.CheckSpec;
import dev.grader.rubric.CheckSpecs;
import dev.grader.rubric.Suggestions;
import java.io.PrintWriter;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Print one misuse rule (what it finds, why it matters, how to fix it, an example) or one check type (what it
 * decides, its parameters, how a rubric writes it).
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Explain one misuse rule (what it finds, why it matters, how to fix it, an example) or one "
                + "check type of rubrics (what it decides, its parameters, how a rubric writes it).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:explained", "2:no rule or check has that name"})
final class ExplainCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "A rule's id, as 'grader rules' lists it, or a check's name, as "
            + "'grader checks' lists it.")
    private String id;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        CheckSpec check = CheckSpecs.all().get(id);
        if (check != null) {
            out.print(CheckReference.text(check));
            out.flush();
            return Main.OK;
        }
        Optional<RuleInfo> found = Catalogue.find(id);
        if (found.isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            Set<String> known = new HashSet<>(CheckSpecs.all().keySet());
            Catalogue.all().forEach(r -> known.add(r.id()));
            err.println("no rule or check '" + id + "'" + Suggestions.nearest(id, known)
                    + "; 'grader rules' and 'grader checks' list them all");
            err.flush();
            return Main.USAGE;
        }
        RuleInfo r = found.get();
        out.println(r.id() + " (" + r.language() + ", " + r.severity().label() + ")");
        out.println(r.summary());
        out.println();
        out.println("Why it matters:");
        out.println("  " + r.why());
        out.println();
        out.println("How to fix it:");
        out.println("  " + r.fix());
        out.println();
        out.println("Example where it fires:");
        for (String line : r.example().split("\n")) {
            out.println("    " + line);
        }
        out.flush();
        return Main.OK;
    }
}
