package dev.grader.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hold where one process of a run was when the run was stopped at its time limit: its Python stack, most
 * recent call first, as {@code faulthandler} wrote it on the grader's signal.
 *
 * @param pid the process's pid as the run saw it (the tracer's events use the same pids)
 * @param frames the frames of the thread that runs the student's code (else the signalled one), most recent
 *     first; frames of the grader's tracer and those a forked child inherited from its parent are left out
 * @param thread the thread's name, for a JVM's threads; empty for a Python process
 * @param state the thread's state ({@code WAITING}, {@code RUNNABLE}), for a JVM's threads; else empty
 */
public record StackDump(long pid, List<Frame> frames, String thread, String state) {

    private static final Pattern FRAME = Pattern.compile("^\\s*File \"(.*)\", line (\\d+) in (.*)$");
    private static final Pattern FILE_NAME = Pattern.compile("stack-(\\d+)\\.txt");
    private static final int MAX_FILES = 256;
    private static final int MAX_BYTES = 64 << 10;

    public StackDump {
        frames = List.copyOf(frames);
    }

    /** Make the stack of a Python process. */
    public StackDump(long pid, List<Frame> frames) {
        this(pid, frames, "", "");
    }

    /**
     * Hold one frame.
     *
     * @param file the source file
     * @param line the 1-based line
     * @param function the function's name ({@code <module>} at the top level)
     */
    public record Frame(String file, int line, String function) {}

    /**
     * Ask every live process of a run to write its stack, and read what they wrote.
     *
     * @param hostPids the run's processes as the grader sees them
     * @param out the run's output folder, where the tracer registered each process's stack file
     * @param main the program's path as the run sees it, to find the thread running the student's code
     */
    static List<StackDump> collect(List<Long> hostPids, Path out, String main) {
        if (hostPids.isEmpty()) {
            return List.of();
        }
        // the shell's own kill: no procps needed
        List<String> cmd = new ArrayList<>(List.of("/bin/sh", "-c", "kill -s USR1 \"$@\"", "grader-kill"));
        // only the interpreters: SIGUSR1 would end the sandbox's own processes (bubblewrap) and with them the run
        hostPids.stream().filter(StackDump::isInterpreter).forEach(p -> cmd.add(Long.toString(p)));
        if (cmd.size() == 4) {
            return List.of();
        }
        try {
            Process kill = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            kill.waitFor(2, TimeUnit.SECONDS);
            // faulthandler writes from its signal handler at once; give slow machines a moment
            Thread.sleep(300);
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
        return read(out, main);
    }

    private static boolean isInterpreter(long pid) {
        try {
            String comm = Files.readString(Path.of("/proc", Long.toString(pid), "comm")).strip();
            return !List.of("bwrap", "sh", "setpriv", "prlimit", "unshare", "grader-keeper", "grader-ns").contains(comm);
        } catch (IOException e) {
            return false;
        }
    }

    /** Read the stack files of a run's output folder, following no link and reading at most a few KiB of each. */
    static List<StackDump> read(Path out, String main) {
        List<StackDump> dumps = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(out, "stack-*.txt")) {
            int n = 0;
            for (Path f : files) {
                Matcher m = FILE_NAME.matcher(f.getFileName().toString());
                if (!m.matches() || !Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS) || n++ >= MAX_FILES) {
                    continue;
                }
                String text;
                try (InputStream in = Files.newInputStream(f, LinkOption.NOFOLLOW_LINKS)) {
                    text = LocalRunner.decode(in.readNBytes(MAX_BYTES));
                }
                StackDump d = parse(Long.parseLong(m.group(1)), text, main);
                if (!d.frames().isEmpty()) {
                    dumps.add(d);
                }
            }
        } catch (IOException | RuntimeException e) {
            return dumps;
        }
        dumps.sort(Comparator.comparingLong(StackDump::pid));
        return dumps;
    }

    /** Parse one process's faulthandler output. */
    static StackDump parse(long pid, String text, String main) {
        List<List<Frame>> threads = new ArrayList<>();
        int current = -1;
        List<Frame> thread = null;
        for (String line : text.split("\n")) {
            if (line.startsWith("Thread ") || line.startsWith("Current thread ")) {
                thread = new ArrayList<>();
                threads.add(thread);
                if (line.startsWith("Current thread ")) {
                    current = threads.size() - 1;
                }
                continue;
            }
            Matcher m = FRAME.matcher(line);
            if (m.matches() && thread != null) {
                thread.add(new Frame(m.group(1), Integer.parseInt(m.group(2)), m.group(3)));
            }
        }
        List<Frame> chosen = List.of();
        for (List<Frame> t : threads) {
            if (t.stream().anyMatch(f -> f.file().equals(main))) {
                chosen = t;
                break;
            }
        }
        if (chosen.isEmpty() && current >= 0) {
            chosen = threads.get(current);
        }
        List<Frame> kept = new ArrayList<>();
        for (Frame f : chosen) {
            if (f.file().endsWith("/multiprocessing/process.py") && f.function().equals("_bootstrap")) {
                break;
            }
            if (!f.file().endsWith("_grader_tracer.py") && !f.file().endsWith("_grader_ipython.py")
                    && !f.file().endsWith("sitecustomize.py")) {
                kept.add(f);
            }
        }
        return new StackDump(pid, kept);
    }
}
