package dev.grader.cli;

import dev.grader.pipeline.Grader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Start the grader from the command line.
 *
 * <p>Exit codes, for every command:
 * <ul>
 *   <li>0: everything was graded and every check passed (check) or every submission graded cleanly (grade)</li>
 *   <li>1: grading finished, but some submission has errors, missing answers or unreadable files (grade),
 *       or some check failed (check)</li>
 *   <li>2: the command line or the rubric is wrong</li>
 *   <li>3: the environment is not usable: no Python interpreter, one older than 3.8, or runs would get less
 *       isolation than {@code --require-isolation} asks for</li>
 *   <li>4: the grader itself failed on some submission, or could not write its reports</li>
 * </ul>
 */
@Command(name = "grader", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Grade multiprocessing assignments: run each answer in a child process, trace what its "
                + "processes and pools did, and check it against a rubric.",
        subcommands = {GradeCommand.class, MergeCommand.class, CheckCommand.class, RulesCommand.class, ChecksCommand.class, ExplainCommand.class,
            GradescopeZipCommand.class, ClassroomTemplateCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:all graded cleanly (grade) / every check passed (check)",
            "1:some submission has errors or missing answers (grade) / some check failed (check)",
            "2:bad command line or invalid rubric",
            "3:no usable Python interpreter (3.8 or newer needed), or isolation below --require-isolation",
            "4:grader error, or the reports could not be written"})
public final class Main implements Runnable {

    /** Exit code: all graded cleanly, or every check passed. */
    public static final int OK = 0;
    /** Exit code: grading finished with student errors or failed checks. */
    public static final int FAILURES = 1;
    /** Exit code: bad command line or rubric. */
    public static final int USAGE = 2;
    /** Exit code: no usable interpreter. */
    public static final int ENVIRONMENT = 3;
    /** Exit code: the grader failed. */
    public static final int GRADER_ERROR = 4;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Run the command line and exit with its code. */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }

    /**
     * Run a command line, printing through the given writers.
     *
     * @return the exit code (see the class description)
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExitCodeExceptionMapper(e -> GRADER_ERROR);
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println(ex.getMessage());
            ex.getCommandLine().getErr().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help' for more information.");
            GradeCommand.commandLineFailure(a, ex.getMessage(), out, err);
            return USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            c.getErr().println("grader error: " + ex);
            GradeCommand.commandLineFailure(args, "grader error: " + ex, out, err);
            return GRADER_ERROR;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Report the grader's version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"grader " + Grader.version()};
        }
    }
}
