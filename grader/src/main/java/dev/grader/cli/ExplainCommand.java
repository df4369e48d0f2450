package dev.grader.cli;

import dev.grader.analyse.Catalogue;
import dev.grader.analyse.RuleInfo;
import java.io.PrintWriter;
import dev.grader.rubric.RubricLoader;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Print one misuse rule: what it finds, why it matters, how to fix it, and an example. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Explain one misuse rule: what it finds, why it matters, how to fix it, and an example.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:explained", "2:no rule has that id"})
final class ExplainCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "The rule's id, as 'grader rules' lists it.")
    private String id;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Optional<RuleInfo> found = Catalogue.find(id);
        if (found.isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            String near = RubricLoader.suggest(id, Catalogue.all().stream().map(RuleInfo::id)
                    .collect(Collectors.toSet()));
            err.println("no rule '" + id + "'" + near + "; 'grader rules' lists them all");
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
