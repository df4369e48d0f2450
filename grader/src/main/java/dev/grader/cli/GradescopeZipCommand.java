package dev.grader.cli;

import dev.grader.rubric.Question;
import dev.grader.rubric.Rubric;
import dev.grader.rubric.RubricException;
import dev.grader.rubric.RubricLoader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Make the zip a Gradescope programming assignment runs: this grader, a rubric, setup.sh and run_autograder. */
@Command(name = "gradescope-zip", mixinStandardHelpOptions = true,
        description = "Write the autograder zip for a Gradescope programming assignment: grader.jar (this grader), "
                + "rubric.yaml, setup.sh (installs Java, Python and bubblewrap) and run_autograder (grades the "
                + "submitted notebook or script into /autograder/results/results.json, the full reports into "
                + "/autograder/reports).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written", "2:bad command line or no such rubric", "4:the zip could not be written"})
final class GradescopeZipCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "autograder.zip",
            description = "The zip to write. Default: ${DEFAULT-VALUE}.")
    private Path out;

    @Option(names = "--rubric", paramLabel = "FILE",
            description = "Rubric to grade with. Default: the bundled multiprocessing rubric.")
    private Path rubric;

    @Option(names = "--jar", paramLabel = "FILE", description = "The grader jar to ship. Default: the running one.")
    private Path jar;

    /** The script Gradescope runs once to build the image. */
    static final String SETUP = """
            #!/usr/bin/env bash
            # Gradescope runs this once, as root, to build the autograder image.
            set -euo pipefail
            export DEBIAN_FRONTEND=noninteractive
            apt-get update -qq
            # a JDK, not a JRE: the Java track compiles answers in the grader
            apt-get install -y -qq openjdk-17-jdk-headless python3 python3-numpy bubblewrap util-linux
            """;

    /** The script Gradescope runs for each submission. */
    static final String RUN = """
            #!/usr/bin/env bash
            # Gradescope runs this for each submission: grade the student's notebook or script. Only results.json goes
            # into results/, which Gradescope reads; the full reports (pages, results.json, junit.xml) go to reports/.
            # A missing or broken file still gets a result with the reason. AUTOGRADER_ROOT is /autograder on Gradescope.
            set -uo pipefail
            root="${AUTOGRADER_ROOT:-/autograder}"
            mkdir -p "$root/results" "$root/reports"
            file=""
            if cd "$root/submission" 2>/dev/null; then
              # Java answers may span files: grade the whole submission folder
              if [ -n "$(find . -name '*.java' -print -quit)" ]; then file="$root/submission"; fi
              for pattern in '*.ipynb' '*.py' '*.txt' '*.md' '*.zip' '*'; do
                for f in $pattern; do
                  if [ -z "$file" ] && [ -f "$f" ]; then file="$root/submission/$f"; break 2; fi
                done
              done
            fi
            if [ -z "$file" ]; then
              echo '{"score": 0, "output": "No file was submitted.", "output_format": "text", "tests": []}' \\
                > "$root/results/results.json"
              exit 0
            fi
            java -jar "$root/source/grader.jar" grade "$file" \\
              --rubric "$root/source/rubric.yaml" --python /usr/bin/python3 \\
              --out "$root/reports" --format gradescope --gradescope-output "$root/results/results.json"
            exit 0
            """;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Path shipped = runningJar(jar);
        if (shipped == null) {
            err.println("the grader is not running from its jar; pass --jar grader/target/grader.jar");
            return Main.USAGE;
        }
        byte[] rubricBytes;
        try {
            if (rubric == null) {
                try (var in = GradescopeZipCommand.class.getResourceAsStream("/dev/grader/rubrics/multiprocessing.yaml")) {
                    if (in == null) {
                        err.println("the bundled rubric is missing; pass --rubric FILE");
                        return Main.USAGE;
                    }
                    rubricBytes = in.readAllBytes();
                }
            } else if (!Files.isRegularFile(rubric)) {
                err.println(rubric + ": no such rubric");
                return Main.USAGE;
            } else {
                rubricBytes = Files.readAllBytes(rubric);
            }
            try (OutputStream o = Files.newOutputStream(out); ZipArchiveOutputStream z = new ZipArchiveOutputStream(o)) {
                // Gradescope runs the scripts as executables: their entries carry the mode unzip restores
                entry(z, "setup.sh", SETUP.getBytes(StandardCharsets.UTF_8), EXECUTABLE);
                entry(z, "run_autograder", RUN.getBytes(StandardCharsets.UTF_8), EXECUTABLE);
                entry(z, "rubric.yaml", rubricBytes, READABLE);
                // the instructor's tests of a Java rubric, beside it as the rubric names them
                Rubric parsed = rubric == null ? RubricLoader.loadBundled("multiprocessing.yaml")
                        : RubricLoader.load(rubric);
                for (Question q : parsed.questions()) {
                    for (Map.Entry<String, String> t : q.tests().entrySet()) {
                        entry(z, t.getKey(), t.getValue().getBytes(StandardCharsets.UTF_8), READABLE);
                    }
                }
                entry(z, "grader.jar", Files.readAllBytes(shipped), READABLE);
            }
        } catch (IOException e) {
            err.println("grader error: could not write " + out + ": " + e.getMessage());
            return Main.GRADER_ERROR;
        } catch (RubricException e) {
            err.println("The rubric is not valid:");
            e.problems().forEach(p -> err.println("  " + p));
            return Main.USAGE;
        }
        spec.commandLine().getOut().println("Wrote " + out + ": upload it as the autograder of a Gradescope "
                + "programming assignment.");
        return Main.OK;
    }

    /** Return the jar to ship: the one given, else the one the grader runs from; null when there is none. */
    static Path runningJar(Path given) {
        Path shipped = given;
        if (shipped == null) {
            try {
                shipped = Path.of(GradescopeZipCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            } catch (URISyntaxException | SecurityException e) {
                return null;
            }
        }
        return Files.isRegularFile(shipped) ? shipped : null;
    }

    private static final int EXECUTABLE = 0755;
    private static final int READABLE = 0644;

    private static void entry(ZipArchiveOutputStream z, String name, byte[] data, int mode) throws IOException {
        ZipArchiveEntry e = new ZipArchiveEntry(name);
        e.setUnixMode(mode);
        e.setSize(data.length);
        z.putArchiveEntry(e);
        z.write(data);
        z.closeArchiveEntry();
    }
}
