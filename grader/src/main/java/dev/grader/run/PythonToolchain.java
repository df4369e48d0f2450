package dev.grader.run;

import dev.grader.python.Bundled;
import dev.grader.python.Interpreter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Run {@code main.py} with a Python interpreter and the grader's tracer on its path. */
public final class PythonToolchain implements Toolchain {

    private static final List<String> TRACER_FILES = List.of("sitecustomize.py", "_grader_tracer.py",
            "_grader_ipython.py", "_grader_sync.py", "_grader_tests.py", "_grader_zygote.py");

    private static final Set<Path> COMPILED = ConcurrentHashMap.newKeySet();

    private final Interpreter python;
    private final Path tracer;
    private final CompletableFuture<Void> compiled;

    /** Make the toolchain of an interpreter; the tracer is compiled alongside what the grader does next. */
    public PythonToolchain(Interpreter python) {
        this.python = python;
        this.tracer = Bundled.directory("tracer", TRACER_FILES);
        // an interpreter start and a compile: off the path of check's start, ready before the first run
        this.compiled = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                precompile(python, tracer);
            } finally {
                compiled.complete(null);
            }
        }, "grader-tracer-compile");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Compile the tracer to bytecode once, with this interpreter: runs may not write bytecode (their copy of the
     * tracer is read-only), and compiling it in every run costs each run about 10 ms.
     */
    private static void precompile(Interpreter python, Path dir) {
        synchronized (Bundled.class) {
            // once per folder: a second toolchain of the same JVM shares it, and the runs of the first are reading
            // it while a compile would close it to them
            if (!COMPILED.add(dir)) {
                return;
            }
            try {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
                Process p = new ProcessBuilder(python.executable().toString(), "-m", "compileall", "-q", dir.toString())
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                p.getOutputStream().close();
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (IOException e) {
                // every run compiles the tracer itself: slower, not wrong
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                readable(dir);
            }
        }
    }

    /** Leave the tracer's folder readable and passable by every run's uid, writable by none. */
    private static void readable(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.toList()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "r-xr-xr-x"
                        : "r--r--r--"));
            }
        } catch (IOException e) {
            // a folder a run cannot read shows as a failed probe, with the reason
        }
    }

    /** Return the interpreter runs execute. */
    public Interpreter interpreter() {
        return python;
    }

    @Override
    public Path executable() {
        return python.executable();
    }

    @Override
    public List<Path> homes() {
        List<Path> all = new ArrayList<>(python.homes());
        if (python.executable().getParent() != null) {
            all.add(python.executable().getParent());
        }
        return all;
    }

    @Override
    public Path support() {
        compiled.join();
        return tracer;
    }

    @Override
    public List<String> probe(Path work, String support) throws IOException {
        Files.writeString(work.resolve("main.py"), "print(1 + 1)\n");
        return List.of("main.py");
    }

    @Override
    public List<String> arguments(RunSpec spec, List<String> seen) {
        // a run of the instructor's tests starts in their runner, which runs main.py itself
        return spec.args().contains("tests") ? List.of("-m", "_grader_tests") : List.of("main.py");
    }

    @Override
    public Map<String, String> environment(RunSpec spec, List<String> seen) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PYTHONDONTWRITEBYTECODE", "1");
        env.put("PYTHONIOENCODING", "utf-8");
        env.put("OPENBLAS_NUM_THREADS", "1");
        env.put("PYTHONPATH", seen.get(2));
        env.put("GRADER_MAIN", seen.get(0) + "/main.py");
        if (spec.startMethod() != null) {
            env.put("GRADER_START_METHOD", spec.startMethod());
        }
        return env;
    }

    @Override
    public List<String> zygote() {
        return List.of(python.executable().toString(), "-m", "_grader_zygote");
    }

    @Override
    public boolean signalStacks() {
        return true;
    }

    @Override
    public String describe() {
        return "the Python interpreter " + python.executable();
    }
}
