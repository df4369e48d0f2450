package dev.grader.cli;

import dev.grader.analyse.Catalogue;
import dev.grader.analyse.RuleInfo;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** List the misuse rules the grader checks code against. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "List every misuse rule: id, language, severity and what it finds. 'grader explain ID' "
                + "tells more about one.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:listed"})
final class RulesCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int width = Catalogue.all().stream().mapToInt(r -> r.id().length()).max().orElse(10);
        for (RuleInfo r : Catalogue.all()) {
            out.printf("%-" + width + "s  %-6s  %-7s  %s%n", r.id(), r.language(), r.severity().label(), r.summary());
        }
        out.flush();
        return Main.OK;
    }
}
