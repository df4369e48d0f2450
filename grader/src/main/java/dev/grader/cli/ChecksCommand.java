package dev.grader.cli;

import dev.grader.rubric.CheckReference;
import dev.grader.rubric.CheckSpec;
import dev.grader.rubric.CheckSpecs;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** List the check types a rubric may use. */
@Command(name = "checks", mixinStandardHelpOptions = true,
        description = "List every check type a rubric may use: name, languages, parameters and what it decides. "
                + "'grader explain CHECK' tells more about one.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:listed (or the files updated)", "2:bad option, or a file to update without the markers",
            "3:a file to update cannot be read or written"})
final class ChecksCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--language", paramLabel = "LANG", description = "Only the checks of this rubric language.")
    private String language;

    @Option(names = "--markdown", description = "Print the reference as Markdown, as the README holds it.")
    private boolean markdown;

    @Option(names = "--update", arity = "1..*", paramLabel = "FILE", description = "Replace the reference in these Markdown files "
            + "(between its two marker comments) with the current one.")
    private List<Path> update = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<CheckSpec> specs = new ArrayList<>();
        for (CheckSpec s : CheckSpecs.all().values()) {
            if (language == null || s.languages().contains(language)) {
                specs.add(s);
            }
        }
        if (specs.isEmpty()) {
            err.println("no check applies to language '" + language + "'");
            err.flush();
            return Main.USAGE;
        }
        for (Path file : update) {
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                String updated = CheckReference.replaceIn(text, specs);
                if (updated == null) {
                    err.println(file + ": no check reference to update (it needs the line '" + CheckReference.BEGIN
                            + "' and, after it, '" + CheckReference.END + "')");
                    err.flush();
                    return Main.USAGE;
                }
                if (!updated.equals(text)) {
                    Files.writeString(file, updated, StandardCharsets.UTF_8);
                    out.println("updated " + file);
                }
            } catch (IOException e) {
                err.println(file + ": cannot update: " + e.getMessage());
                err.flush();
                return Main.ENVIRONMENT;
            }
        }
        if (!update.isEmpty()) {
            out.flush();
            return Main.OK;
        }
        if (markdown) {
            out.print(CheckReference.markdown(specs));
        } else {
            int width = specs.stream().mapToInt(s -> s.name().length()).max().orElse(10);
            for (CheckSpec s : specs) {
                List<String> params = s.params().stream().map(p -> p.name()).toList();
                String first = s.description().split("(?<=\\.) ", 2)[0];
                out.printf("%-" + width + "s  %-12s  %s%s%n", s.name(), String.join(",", new TreeSet<>(s.languages())),
                        first, params.isEmpty() ? "" : " {" + String.join(", ", params) + "}");
            }
        }
        out.flush();
        return Main.OK;
    }
}
