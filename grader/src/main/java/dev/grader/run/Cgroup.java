package dev.grader.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Hold the control groups of one run: total memory and number of processes, and a way to kill every
 * process in them.
 *
 * <p>Works with cgroup v2 (one folder with {@code memory.max}, {@code pids.max}, {@code cgroup.kill}) and
 * with the v1 {@code memory} and {@code pids} hierarchies; only root can make them. A run joins its groups
 * by writing its own pid to {@code cgroup.procs} before it starts the student's code, so every process
 * it makes is counted.
 */
final class Cgroup {

    private static final Path ROOT = Path.of("/sys/fs/cgroup");

    private final boolean v2;
    private final Path memory;
    private final Path pids;

    private Cgroup(boolean v2, Path memory, Path pids) {
        this.v2 = v2;
        this.memory = memory;
        this.pids = pids;
    }

    /**
     * Make the groups of one run under the grader's own parent groups.
     *
     * @param name a name unique among the grader's runs
     * @return the groups, or {@code null} when this machine does not let the grader make them
     */
    static Cgroup create(String name, long memoryBytes, int processes) {
        String parent = "grader-" + ProcessHandle.current().pid();
        registerCleanup();
        try {
            Path unified = ROOT.resolve("unified");
            Path v2root = Files.exists(ROOT.resolve("cgroup.controllers")) ? ROOT : null;
            if (v2root != null && controllers(v2root).contains("memory") && controllers(v2root).contains("pids")) {
                Path p = v2root.resolve(parent);
                Files.createDirectories(p);
                write(p.resolve("cgroup.subtree_control"), "+memory +pids");
                Path leaf = Files.createDirectories(p.resolve(name));
                write(leaf.resolve("memory.max"), Long.toString(memoryBytes));
                write(leaf.resolve("memory.swap.max"), "0", true);
                write(leaf.resolve("pids.max"), Integer.toString(processes));
                return new Cgroup(true, leaf, leaf);
            }
            Path mem = ROOT.resolve("memory");
            Path pid = ROOT.resolve("pids");
            if (Files.isDirectory(mem) && Files.isDirectory(pid) && !Files.isSameFile(mem, unified)) {
                Path m = Files.createDirectories(mem.resolve(parent).resolve(name));
                Path q = Files.createDirectories(pid.resolve(parent).resolve(name));
                write(m.resolve("memory.limit_in_bytes"), Long.toString(memoryBytes));
                write(m.resolve("memory.memsw.limit_in_bytes"), Long.toString(memoryBytes), true);
                write(q.resolve("pids.max"), Integer.toString(processes));
                return new Cgroup(false, m, q);
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    private static List<String> controllers(Path dir) throws IOException {
        return List.of(Files.readString(dir.resolve("cgroup.controllers")).strip().split("\\s+"));
    }

    private static void write(Path file, String value) throws IOException {
        write(file, value, false);
    }

    private static void write(Path file, String value, boolean optional) throws IOException {
        try {
            Files.writeString(file, value, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            if (!optional) {
                throw e;
            }
        }
    }

    /** Return the {@code cgroup.procs} files a run writes its pid to, to join the groups. */
    List<String> procsFiles() {
        List<String> out = new ArrayList<>();
        out.add(memory.resolve("cgroup.procs").toString());
        if (!pids.equals(memory)) {
            out.add(pids.resolve("cgroup.procs").toString());
        }
        return out;
    }

    /**
     * Kill every process in the groups, until none is left.
     *
     * @return true when both groups were read and seen empty: no process of the run is left anywhere, since a
     *     process cannot leave its groups without a privilege the run does not have
     */
    boolean killAll() {
        if (v2) {
            try {
                write(memory.resolve("cgroup.kill"), "1");
            } catch (IOException e) {
                // an older kernel without cgroup.kill: kill the members one by one below
            }
        }
        for (int round = 0; round < 100; round++) {
            List<Long> members = members();
            if (members == null) {
                return false;
            }
            if (members.isEmpty()) {
                return true;
            }
            members.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
            try {
                Thread.sleep(round < 10 ? 5 : 50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /** Return the pids in the groups, or null when a group cannot be read. */
    List<Long> members() {
        List<Long> out = new ArrayList<>();
        for (Path dir : List.of(memory, pids)) {
            try {
                for (String line : Files.readAllLines(dir.resolve("cgroup.procs"))) {
                    if (!line.isBlank()) {
                        out.add(Long.parseLong(line.strip()));
                    }
                }
            } catch (IOException | NumberFormatException e) {
                return null;
            }
        }
        return out;
    }

    /** Return true when the memory limit killed a process of the run. */
    boolean memoryLimitHit() {
        Path file = memory.resolve(v2 ? "memory.events" : "memory.oom_control");
        long kills = counter(file, "oom_kill");
        return kills > 0 || kills < 0 && !v2 && number(memory.resolve("memory.failcnt")) > 0;
    }

    /** Return true when the run tried to have more processes than its limit. */
    boolean processLimitHit() {
        return counter(pids.resolve("pids.events"), "max") > 0;
    }

    private static long counter(Path file, String key) {
        try {
            for (String line : Files.readAllLines(file)) {
                String[] kv = line.strip().split("\\s+");
                if (kv.length == 2 && kv[0].equals(key)) {
                    return Long.parseLong(kv[1]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    private static long number(Path file) {
        try {
            return Long.parseLong(Files.readString(file).strip());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    /** Remove the groups; they must be empty (call {@link #killAll()} first). */
    void remove() {
        for (Path dir : List.of(memory, pids)) {
            for (int i = 0; i < 50; i++) {
                try {
                    Files.deleteIfExists(dir);
                    break;
                } catch (IOException e) {
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    private static boolean cleanupRegistered;

    private static synchronized void registerCleanup() {
        if (!cleanupRegistered) {
            cleanupRegistered = true;
            Runtime.getRuntime().addShutdownHook(new Thread(Cgroup::removeParents, "grader-cgroups"));
        }
    }

    /** Remove the grader's parent groups when they are empty, when the grader exits. */
    static void removeParents() {
        String parent = "grader-" + ProcessHandle.current().pid();
        for (Path base : List.of(ROOT, ROOT.resolve("memory"), ROOT.resolve("pids"))) {
            try {
                Files.deleteIfExists(base.resolve(parent));
            } catch (IOException e) {
                // still in use or not ours to remove
            }
        }
    }
}
