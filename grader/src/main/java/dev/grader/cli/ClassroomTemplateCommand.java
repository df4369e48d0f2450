package dev.grader.cli;

import dev.grader.lang.Language;
import dev.grader.lang.Languages;
import dev.grader.rubric.Question;
import dev.grader.rubric.Rubric;
import dev.grader.rubric.RubricException;
import dev.grader.rubric.RubricLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Write a GitHub Classroom template repository that grades every push with a committed grader. */
@Command(name = "classroom-template", mixinStandardHelpOptions = true,
        description = {"Write a GitHub Classroom assignment template: the workflow (.github/workflows/classroom.yml), "
                + "the grader and its rubric under .grader/, a starter file with the questions, and a README telling "
                + "students how to check their work before they push.",
            "Each push then runs the committed grader: no build, no clone. Commit the folder as the assignment's "
                    + "template repository."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written", "2:bad command line, invalid rubric, or an output folder that is not empty",
            "4:the template could not be written"})
final class ClassroomTemplateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Folder to write the template into (new or empty).")
    private Path out;

    @Option(names = "--rubric", paramLabel = "FILE",
            description = "Rubric to grade with. Default: the bundled multiprocessing rubric.")
    private Path rubric;

    @Option(names = "--submission", paramLabel = "NAME", defaultValue = "assignment.ipynb",
            description = "The file students hand in (.ipynb, .py or, for a Java rubric, .java). Default: ${DEFAULT-VALUE}.")
    private String submission;

    @Option(names = "--jar", paramLabel = "FILE", description = "The grader jar to commit. Default: the running one.")
    private Path jar;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        String lower = submission.toLowerCase(Locale.ROOT);
        List<String> extensions = new ArrayList<>();
        Languages.all().values().forEach(l -> extensions.addAll(l.extensions()));
        if (submission.contains("/") || extensions.stream().noneMatch(lower::endsWith)) {
            err.println("--submission must be a file name ending in " + String.join(", ", extensions) + ", not '"
                    + submission + "'");
            return Main.USAGE;
        }
        Path shipped = GradescopeZipCommand.runningJar(jar);
        if (shipped == null) {
            err.println("the grader is not running from its jar; pass --jar grader/target/grader.jar");
            return Main.USAGE;
        }
        Rubric parsed;
        byte[] rubricBytes;
        try {
            parsed = rubric == null ? RubricLoader.loadBundled("multiprocessing.yaml") : RubricLoader.load(rubric);
            rubricBytes = rubric == null ? bundled("/dev/grader/rubrics/multiprocessing.yaml") : Files.readAllBytes(rubric);
        } catch (RubricException e) {
            err.println("The rubric is not valid:");
            e.problems().forEach(p -> err.println("  " + p));
            return Main.USAGE;
        } catch (IOException e) {
            err.println(rubric + ": cannot be read: " + e.getMessage());
            return Main.USAGE;
        }
        Language language = Languages.of(parsed.language());
        if (language.extensions().stream().noneMatch(lower::endsWith)) {
            err.println("--submission '" + submission + "' does not fit a " + parsed.language() + " rubric");
            return Main.USAGE;
        }
        try {
            if (Files.exists(out) && (!Files.isDirectory(out) || !isEmpty(out))) {
                err.println(out + " exists and is not an empty folder: the template is written into a new one");
                return Main.USAGE;
            }
            Path grader = Files.createDirectories(out.resolve(".grader"));
            Files.copy(shipped, grader.resolve("grader.jar"));
            Files.write(grader.resolve("rubric.yaml"), rubricBytes);
            for (Question q : parsed.questions()) {
                for (Map.Entry<String, String> t : q.tests().entrySet()) {
                    Path test = grader.resolve(t.getKey()).normalize();
                    Files.createDirectories(test.getParent());
                    Files.writeString(test, t.getValue(), StandardCharsets.UTF_8);
                }
            }
            Path workflows = Files.createDirectories(out.resolve(".github").resolve("workflows"));
            Files.writeString(workflows.resolve("classroom.yml"), workflow(submission), StandardCharsets.UTF_8);
            Files.writeString(out.resolve(submission), language.starter(parsed, submission), StandardCharsets.UTF_8);
            Files.writeString(out.resolve("README.md"), readme(parsed, submission), StandardCharsets.UTF_8);
            Files.writeString(out.resolve(".gitignore"), "check-report/\ngrader-reports/\n", StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            err.println("grader error: could not write the template to " + out + ": " + e.getMessage());
            return Main.GRADER_ERROR;
        }
        spec.commandLine().getOut().println("Wrote " + out + ": commit it as the template repository of a GitHub "
                + "Classroom assignment; students hand in " + submission + ".");
        return Main.OK;
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    private static byte[] bundled(String resource) throws IOException {
        try (InputStream in = ClassroomTemplateCommand.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " is not in the grader's jar");
            }
            return in.readAllBytes();
        }
    }

    /** Return the bundled workflow, grading the given file. */
    static String workflow(String submission) throws IOException {
        String yaml = new String(bundled("/dev/grader/classroom/classroom.yml"), StandardCharsets.UTF_8);
        return yaml.replace("SUBMISSION: assignment.ipynb", "SUBMISSION: " + submission);
    }

    /** Tell students how the assignment is graded and how to check their work before they push. */
    static String readme(Rubric r, String submission) {
        return "# " + r.title() + "\n\n"
                + "Write your answers in `" + submission + "`, under each question's heading, then commit and push. Every "
                + "push is graded: the Actions tab shows the points, each check with its feedback in the job summary, "
                + "and the commit shows notes at the lines they are about.\n\n"
                + "## Check your work before you push\n\n"
                + "With Java 17 or later and Python 3.8 or later installed, run in this folder:\n\n"
                + "```sh\njava -jar .grader/grader.jar check " + submission + " --rubric .grader/rubric.yaml\n```\n\n"
                + "It runs your answers as the grading does, prints each check with its points and feedback and each "
                + "mistake found in your code at its line, and writes a page you can open (`check-report/`).\n\n"
                + "Leave `.grader/` and `.github/` as they are: they are what grades your work.\n";
    }
}
