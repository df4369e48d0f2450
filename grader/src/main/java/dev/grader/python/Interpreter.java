package dev.grader.python;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Find a usable Python interpreter and resolve it to its real executable.
 *
 * <p>Version managers put shell-script shims on the PATH (pyenv's {@code python3} is one); every
 * child started through a shim pays for an extra shell. The probe asks the interpreter for
 * {@code sys.executable} once and the grader starts that file directly from then on.
 *
 * @param requested what the user asked for ({@code python3}, a path)
 * @param executable the interpreter's real executable
 * @param version its version, e.g. {@code 3.11.7}
 * @param homes the folders the interpreter needs to run: its prefixes and the real executable's folder
 */
public record Interpreter(String requested, Path executable, String version, List<Path> homes) {

    public Interpreter {
        homes = List.copyOf(homes);
    }

    /** Make an interpreter whose only folder is its executable's. */
    public Interpreter(String requested, Path executable, String version) {
        this(requested, executable, version, executable.getParent() == null ? List.of() : List.of(executable.getParent()));
    }

    /** Oldest Python the grader supports. */
    public static final int MIN_MAJOR = 3;

    /** Oldest minor version of Python 3 the grader supports. */
    public static final int MIN_MINOR = 8;

    /**
     * Probe an interpreter by running it.
     *
     * @param requested a command on the PATH or a path to an interpreter
     * @return the interpreter
     * @throws InterpreterException with a message for the user when it is missing, broken or too old
     */
    public static Interpreter probe(String requested) throws InterpreterException {
        String script = "import os, sys; print(os.pathsep.join(sorted({sys.prefix, sys.base_prefix, sys.exec_prefix, "
                + "sys.base_exec_prefix, os.path.dirname(os.path.realpath(sys.executable))})));"
                + " print(sys.executable); print('%d.%d.%d' % sys.version_info[:3])";
        Process p;
        try {
            p = new ProcessBuilder(List.of(requested, "-I", "-c", script)).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new InterpreterException("Python interpreter '" + requested + "' was not found: " + e.getMessage()
                    + ". Install Python " + MIN_MAJOR + "." + MIN_MINOR + " or newer, or pass --python PATH.");
        }
        String out;
        try (InputStream in = p.getInputStream()) {
            p.getOutputStream().close();
            out = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new InterpreterException("Python interpreter '" + requested + "' did not answer within 30 s.");
            }
        } catch (IOException e) {
            throw new InterpreterException("Python interpreter '" + requested + "' could not be run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterpreterException("Interrupted while probing '" + requested + "'.");
        }
        String[] lines = out.strip().split("\\R");
        if (p.exitValue() != 0 || lines.length < 3 || !lines[lines.length - 1].matches("\\d+\\.\\d+\\.\\d+")) {
            throw new InterpreterException("'" + requested + "' is not a working Python interpreter (exit code "
                    + p.exitValue() + "): " + out.strip());
        }
        String version = lines[lines.length - 1];
        String[] parts = version.split("\\.");
        int major = Integer.parseInt(parts[0]);
        int minor = Integer.parseInt(parts[1]);
        if (major < MIN_MAJOR || (major == MIN_MAJOR && minor < MIN_MINOR)) {
            throw new InterpreterException("'" + requested + "' is Python " + version + "; the grader needs Python "
                    + MIN_MAJOR + "." + MIN_MINOR + " or newer. Pass --python PATH to choose another interpreter.");
        }
        Path exe = Path.of(lines[lines.length - 2]);
        if (!Files.isExecutable(exe)) {
            exe = Path.of(requested);
        }
        List<Path> homes = new ArrayList<>();
        for (String h : lines[lines.length - 3].split(":")) {
            if (!h.isBlank()) {
                homes.add(Path.of(h));
            }
        }
        return new Interpreter(requested, exe, version, homes);
    }

    /** Return {@code Python X.Y.Z (path)} for reports. */
    public String describe() {
        return "Python " + version + " (" + executable + ")";
    }

    /** Signal that no usable interpreter was found; the message is meant for the user. */
    public static final class InterpreterException extends Exception {
        private static final long serialVersionUID = 1L;

        /** Make the exception with a message for the user. */
        public InterpreterException(String message) {
            super(message);
        }
    }
}
