package dev.grader.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * Choose how isolated each run is, by running each layer once at start, and build the command that runs a
 * program inside it.
 *
 * <p>Layers, best first:
 * <ul>
 *   <li>{@link Layer#BUBBLEWRAP}: a bubblewrap sandbox with no network, a minimal read-only view of the
 *       system, private {@code /tmp} and {@code /dev/shm}, its own pid namespace, dying with its parent. As
 *       root it is started as a dedicated unprivileged uid per concurrent run, inside control groups that
 *       cap its total memory and processes.</li>
 *   <li>{@link Layer#NAMESPACES} (root only, when bubblewrap cannot run, e.g. where unprivileged user
 *       namespaces are restricted): the same view and guarantees, built by root with {@code unshare} (pid, mount,
 *       network, IPC and UTS namespaces, no user namespace needed) and {@code chroot}; a root shell stays the
 *       namespace's first process and runs the program as a dedicated unprivileged uid.</li>
 *   <li>{@link Layer#UID} (root only, when no namespace can be made): a dedicated unprivileged uid per
 *       concurrent run, control groups, resource limits, and every process of that uid killed at the end.</li>
 *   <li>{@link Layer#PLAIN}: a plain child process with resource limits and time limits, loudly reported.</li>
 * </ul>
 */
public final class Sandbox {

    /** How a run is isolated. */
    public enum Layer {
        /** Bubblewrap: namespaces, a minimal read-only view, no network. */
        BUBBLEWRAP("bubblewrap"),
        /** Namespaces and a minimal root built by root, a dedicated uid (root only). */
        NAMESPACES("namespaces"),
        /** A dedicated unprivileged uid with control groups (root only). */
        UID("uid"),
        /** A plain child process. */
        PLAIN("plain");

        private final String label;

        Layer(String label) {
            this.label = label;
        }

        /** Return the name used on the command line and in reports. */
        public String label() {
            return label;
        }

        /** Return the layer with the given name. */
        public static Layer of(String label) {
            for (Layer l : values()) {
                if (l.label.equals(label.toLowerCase(Locale.ROOT))) {
                    return l;
                }
            }
            throw new IllegalArgumentException("unknown isolation layer '" + label
                    + "' (bubblewrap, namespaces, uid or plain)");
        }

        /** Return true when this layer isolates at least as much as the other. */
        public boolean atLeast(Layer other) {
            return ordinal() <= other.ordinal();
        }
    }

    /** First uid of the range given to runs when the grader runs as root. */
    static final int FIRST_UID = 64000;
    private static final int UIDS = 64;
    private static final ConcurrentLinkedQueue<Integer> FREE_UIDS = new ConcurrentLinkedQueue<>();

    static {
        for (int i = 0; i < UIDS; i++) {
            FREE_UIDS.add(FIRST_UID + i);
        }
    }

    private final Layer layer;
    private final boolean root;
    private final boolean cgroups;
    private final Toolchain python;
    private final String missing;

    private Sandbox(Layer layer, boolean root, boolean cgroups, Toolchain python, String missing) {
        this.layer = layer;
        this.root = root;
        this.cgroups = cgroups;
        this.python = python;
        this.missing = missing;
    }

    /**
     * Find the best layer this machine offers, by running a trivial program in each.
     *
     * @param python what programs run with
     */
    public static Sandbox probe(Toolchain python) {
        return probe(python, Layer.BUBBLEWRAP);
    }

    /**
     * Find the best layer this machine offers, no better than the one asked for.
     *
     * @param python what programs run with, and the support files every run sees
     * @param best the best layer to try (a lower one forces a weaker layer, for tests)
     */
    public static Sandbox probe(Toolchain python, Layer best) {
        Path tracer = python.support();
        boolean root = isRoot();
        boolean cgroups = false;
        if (root) {
            Cgroup probe = Cgroup.create("probe-" + System.nanoTime(), 64L << 20, 8);
            if (probe != null) {
                cgroups = true;
                probe.remove();
            }
        }
        List<String> problems = new ArrayList<>();
        if (best.atLeast(Layer.BUBBLEWRAP)) {
            Sandbox s = new Sandbox(Layer.BUBBLEWRAP, root, cgroups, python, null);
            String why = s.tryRun(tracer);
            if (why == null) {
                return s;
            }
            problems.add("bubblewrap: " + why);
        }
        if (root && best.atLeast(Layer.NAMESPACES)) {
            Sandbox s = new Sandbox(Layer.NAMESPACES, true, cgroups, python, null);
            String why = s.tryRun(tracer);
            if (why == null) {
                return new Sandbox(Layer.NAMESPACES, true, cgroups, python, problems.isEmpty() ? null
                        : String.join("; ", problems));
            }
            problems.add("namespaces: " + why);
        }
        if (root && best.atLeast(Layer.UID)) {
            Sandbox s = new Sandbox(Layer.UID, true, cgroups, python, null);
            String why = s.tryRun(tracer);
            if (why == null) {
                return new Sandbox(Layer.UID, true, cgroups, python, String.join("; ", problems));
            }
            problems.add("dedicated uid: " + why);
        }
        if (!root && best.atLeast(Layer.UID)) {
            problems.add("dedicated uid: needs root");
        }
        return new Sandbox(Layer.PLAIN, root, false, python, problems.isEmpty() ? "a weaker layer was asked for"
                : String.join("; ", problems));
    }

    /** Return the layer runs get. */
    public Layer layer() {
        return layer;
    }

    /** Return whether runs are capped by control groups (total memory and processes). */
    public boolean cgroups() {
        return cgroups;
    }

    /** Return the guarantees that hold, for reports and {@code check} output. */
    public String describe() {
        String groups = groups();
        return switch (layer) {
            case BUBBLEWRAP -> "bubblewrap sandbox" + (root ? " as a dedicated unprivileged uid per run" : "")
                    + ": no network, read-only minimal system view, private /tmp and /dev/shm, own pid namespace, "
                    + "killed with the grader" + groups;
            case NAMESPACES -> "namespaces built by root, a dedicated unprivileged uid per run: no network, read-only "
                    + "minimal system view, private /tmp and /dev/shm, own pid namespace, killed with the grader"
                    + groups;
            case UID -> "dedicated unprivileged uid per run" + groups
                    + "; every process of the uid killed after the run; the program can read whatever any user "
                    + "can read and reach the network" + (missing == null ? "" : " (" + missing + ")");
            case PLAIN -> "plain child process (NO SANDBOX): the program runs as "
                    + (root ? "root" : "you") + " and can read, change and send anything you can; only time, "
                    + "output and per-process limits hold" + (missing == null ? "" : " (" + missing + ")");
        };
    }

    /** Return the guarantees that hold for runs forked from a warm interpreter (see {@link #forkRequest}). */
    public String describeForked() {
        return "namespaces built by root in a child forked from a warm interpreter, a dedicated unprivileged uid per "
                + "run: no network, read-only minimal system view, private /tmp and /dev/shm, own pid namespace, "
                + "killed with the grader" + groups();
    }

    /** Say how a run's total memory and processes are capped. */
    private String groups() {
        return cgroups ? "; control groups cap the run's total memory and processes"
                : "; memory and processes capped per process by resource limits only";
    }

    /** Return a warning for the user when runs are not sandboxed, with what to install; else {@code null}. */
    public String warning() {
        if (layer == Layer.BUBBLEWRAP || layer == Layer.NAMESPACES) {
            return null;
        }
        String how = root ? "install bubblewrap (apt-get install bubblewrap)"
                : "install bubblewrap (apt-get install bubblewrap) and allow unprivileged user namespaces (on "
                        + "Ubuntu 24.04: sysctl -w kernel.apparmor_restrict_unprivileged_userns=0), or run the "
                        + "grader as root";
        return "WARNING: students' programs run " + (layer == Layer.UID ? "with only a dedicated uid" : "without a sandbox")
                + " (" + missing + "). To sandbox them, " + how + ".";
    }

    /** Take a uid for one run (as root), or -1 when runs keep the grader's uid. */
    int takeUid() {
        if (!root || layer == Layer.PLAIN) {
            return -1;
        }
        Integer uid = FREE_UIDS.poll();
        if (uid == null) {
            throw new IllegalStateException("more than " + UIDS + " runs at once");
        }
        return uid;
    }

    /** Give a run's uid back, once no process of it is left. */
    void returnUid(int uid) {
        if (uid >= 0) {
            FREE_UIDS.add(uid);
        }
    }

    /**
     * Build the command that runs a program of a run directory inside this layer.
     *
     * @param dir the run directory: {@code work/} (the program's, writable), {@code out/} (the tracer's)
     * @param tracer the tracer's folder
     * @param uid the run's uid, or -1
     * @param limits the run's limits
     * @param cgroup the run's control groups, or {@code null}
     * @param args the arguments after the executable
     * @return the command; the caller sets the environment from {@link #paths}
     */
    List<String> command(Path dir, Path tracer, int uid, Limits limits, Cgroup cgroup, List<String> args) {
        if (layer == Layer.NAMESPACES) {
            return namespaces(dir, tracer, uid, limits, cgroup, args);
        }
        List<String> cmd = new ArrayList<>();
        // As root, the interpreter's folders may be out of the run uid's reach (a pyenv under /root): a private
        // mount namespace made by root binds them where that uid can pass, and bubblewrap binds them back.
        List<Path> lent = layer == Layer.BUBBLEWRAP && uid >= 0 ? homes() : List.of();
        if (!lent.isEmpty()) {
            cmd.addAll(List.of("unshare", "--mount", "--propagation", "private", "--"));
        }
        // A root shell joins the control groups and lends the folders, then becomes the unprivileged uid.
        String script = "for c in $GRADER_CGROUPS; do echo $$ > \"$c\" || exit 125; done; unset GRADER_CGROUPS; "
                + "i=0; while [ \"$1\" != -- ]; do mkdir -p \"" + dir.resolve("homes") + "/$i\" && "
                + "mount --bind \"$1\" \"" + dir.resolve("homes") + "/$i\" || exit 126; i=$((i+1)); shift; done; "
                + "shift; exec \"$@\"";
        cmd.addAll(List.of("/bin/sh", "-c", script, "grader-run"));
        lent.forEach(p -> cmd.add(p.toString()));
        cmd.add("--");
        if (uid >= 0) {
            cmd.addAll(List.of("setpriv", "--reuid=" + uid, "--regid=" + uid, "--clear-groups", "--inh-caps=-all",
                    "--no-new-privs", "--"));
        }
        // RLIMIT_NPROC counts every task of the real uid: a run's own uid needs only its limit, but without root
        // the run shares the grader's uid, whose own threads count too
        long nproc = !root ? Reaper.tasksOfUser() + limits.processes()
                : cgroup == null && uid >= 0 ? limits.processes() : 0;
        cmd.addAll(prlimits(limits, cgroup == null, nproc));
        if (layer == Layer.BUBBLEWRAP) {
            cmd.addAll(List.of("bwrap", "--unshare-all", "--die-with-parent", "--new-session", "--cap-drop", "ALL",
                    "--hostname", "sandbox", "--ro-bind", "/usr", "/usr"));
            for (String[] top : topLevel()) {
                cmd.addAll(top.length == 2 ? List.of("--symlink", top[1], "/" + top[0])
                        : List.of("--ro-bind", "/" + top[0], "/" + top[0]));
            }
            for (String etc : List.of("/etc/ld.so.cache", "/etc/localtime", "/etc/alternatives")) {
                if (Files.exists(Path.of(etc))) {
                    cmd.addAll(List.of("--ro-bind", etc, etc));
                }
            }
            if (lent.isEmpty()) {
                for (Path h : homes()) {
                    cmd.addAll(List.of("--ro-bind", h.toString(), h.toString()));
                }
            } else {
                for (int i = 0; i < lent.size(); i++) {
                    cmd.addAll(List.of("--ro-bind", dir.resolve("homes").resolve(Integer.toString(i)).toString(),
                            lent.get(i).toString()));
                }
            }
            long shm = Math.min(64L << 20, Math.max(limits.memoryBytes() / 4, 8L << 20));
            cmd.addAll(List.of("--proc", "/proc", "--dev", "/dev", "--size", Long.toString(shm), "--tmpfs", "/dev/shm",
                    "--size", Long.toString(limits.fileSizeBytes()), "--tmpfs", "/tmp",
                    "--bind", dir.resolve("work").toString(), WORK,
                    "--bind", dir.resolve("out").toString(), OUT,
                    "--ro-bind", tracer.toString(), TRACER,
                    "--chdir", WORK, "--"));
        }
        cmd.add(python.executable().toString());
        cmd.addAll(args);
        return cmd;
    }

    /**
     * Build the command of the namespaces layer: a root shell joins the control groups, {@code unshare} makes the
     * namespaces, and the namespace's first process (a root shell that stays) builds a minimal root, then runs
     * the program chrooted into it as the run's uid, as its child.
     */
    private List<String> namespaces(Path dir, Path tracer, int uid, Limits limits, Cgroup cgroup, List<String> args) {
        long shm = Math.min(64L << 20, Math.max(limits.memoryBytes() / 4, 8L << 20));
        String r = dir.resolve("root").toString();
        StringBuilder setup = new StringBuilder("set -e; PATH=/usr/sbin:/usr/bin:/sbin:/bin; R=\"$1\"; shift; ");
        setup.append("mount -t tmpfs -o size=1m,mode=755 grader-root \"$R\"; ");
        setup.append("ro() { mkdir -p \"$R$2\"; mount --bind \"$1\" \"$R$2\"; mount -o remount,bind,ro \"$R$2\"; }; ");
        setup.append("ro /usr /usr; ");
        for (String[] top : topLevel()) {
            setup.append(top.length == 2 ? "ln -s " + top[1] + " \"$R/" + top[0] + "\"; "
                    : "ro /" + top[0] + " /" + top[0] + "; ");
        }
        for (String etc : List.of("/etc/ld.so.cache", "/etc/localtime")) {
            if (Files.isRegularFile(Path.of(etc))) {
                setup.append("mkdir -p \"$R/etc\"; touch \"$R").append(etc).append("\"; mount --bind ").append(etc)
                        .append(" \"$R").append(etc).append("\"; ");
            }
        }
        for (Path h : homes()) {
            setup.append("ro '").append(h.toString().replace("'", "'\\''")).append("' '")
                    .append(h.toString().replace("'", "'\\''")).append("'; ");
        }
        setup.append("mkdir -p \"$R/proc\" \"$R/dev\" \"$R/tmp\" \"$R/work\" \"$R/grader/out\"; ");
        setup.append("mount -t proc proc \"$R/proc\"; ");
        setup.append("mount -t tmpfs -o size=64k,mode=755 grader-dev \"$R/dev\"; ");
        setup.append("for n in null zero full random urandom; do touch \"$R/dev/$n\"; mount --bind /dev/$n \"$R/dev/$n\"; done; ");
        setup.append("ln -s /proc/self/fd \"$R/dev/fd\"; ln -s /proc/self/fd/0 \"$R/dev/stdin\"; ");
        setup.append("ln -s /proc/self/fd/1 \"$R/dev/stdout\"; ln -s /proc/self/fd/2 \"$R/dev/stderr\"; ");
        setup.append("mkdir -p \"$R/dev/shm\"; mount -t tmpfs -o size=").append(shm).append(",mode=1777 grader-shm \"$R/dev/shm\"; ");
        setup.append("mount -t tmpfs -o size=").append(limits.fileSizeBytes()).append(",mode=1777 grader-tmp \"$R/tmp\"; ");
        setup.append("mount --bind \"$1\" \"$R/work\"; mount --bind \"$2\" \"$R/grader/out\"; ro \"$3\" /grader/tracer; ");
        setup.append("shift 3; hostname sandbox; ");
        // the program runs as a child: the first process of the namespace stays root, so killing it ends them all.
        // A shell gives a background job /dev/null for stdin; the program reads the run's stdin through fd 3.
        setup.append("exec 3<&0; chroot \"$R\" /bin/sh -c 'cd /work && unset OLDPWD && exec \"$@\"' grader-chroot \"$@\" <&3 3<&- & ");
        setup.append("exec 3<&-; ");
        setup.append("child=$!; trap 'kill -KILL $child 2>/dev/null' TERM; wait $child");
        List<String> cmd = new ArrayList<>(List.of("/bin/sh", "-c",
                "for c in $GRADER_CGROUPS; do echo $$ > \"$c\" || exit 125; done; unset GRADER_CGROUPS; exec \"$@\"",
                "grader-run", "unshare", "--pid", "--fork", "--kill-child", "--mount", "--propagation", "private",
                "--net", "--ipc", "--uts", "--", "/bin/sh", "-c", setup.toString(), "grader-ns", r,
                dir.resolve("work").toString(), dir.resolve("out").toString(), tracer.toString()));
        cmd.addAll(List.of("setpriv", "--reuid=" + uid, "--regid=" + uid, "--clear-groups", "--inh-caps=-all",
                "--no-new-privs", "--"));
        cmd.addAll(prlimits(limits, cgroup == null, cgroup == null ? limits.processes() : 0));
        cmd.add(python.executable().toString());
        cmd.addAll(args);
        return cmd;
    }

    /**
     * Return the top-level folders a minimal view needs besides /usr: {@code {name, target}} for a link (as
     * /lib is on merged-/usr systems), {@code {name}} for a real folder to bind.
     */
    private static List<String[]> topLevel() {
        List<String[]> out = new ArrayList<>();
        for (String name : List.of("bin", "lib", "lib64", "sbin", "lib32", "libx32")) {
            Path p = Path.of("/" + name);
            if (Files.isSymbolicLink(p)) {
                try {
                    out.add(new String[] {name, Files.readSymbolicLink(p).toString()});
                } catch (IOException e) {
                    // not a link we can read: left out of the view
                }
            } else if (Files.isDirectory(p)) {
                out.add(new String[] {name});
            }
        }
        return out;
    }

    /**
     * Return the resource limits of a run, each {@code {name, soft, hard}} by its {@code RLIMIT_} name: address
     * space only without a memory group, processes only when {@code nproc} is more than 0.
     */
    private static List<Object[]> rlimits(Limits limits, boolean addressSpace, long nproc) {
        List<Object[]> out = new ArrayList<>();
        // the soft limit sends SIGXCPU, which names the limit; the hard one, a second later, kills for sure
        long cpu = Math.max(1, limits.cpuTime().toSeconds());
        out.add(new Object[] {"CPU", cpu, cpu + 1});
        out.add(new Object[] {"FSIZE", limits.fileSizeBytes(), limits.fileSizeBytes()});
        out.add(new Object[] {"NOFILE", 1024L, 1024L});
        out.add(new Object[] {"CORE", 0L, 0L});
        if (addressSpace) {
            // numpy fails oddly below about 1 GiB of address space
            long as = Math.max(limits.memoryBytes(), 1L << 30);
            out.add(new Object[] {"AS", as, as});
        }
        if (nproc > 0) {
            out.add(new Object[] {"NPROC", nproc, nproc});
        }
        return out;
    }

    /** Return {@code prlimit} with a run's limits (see {@link #rlimits}). */
    private static List<String> prlimits(Limits limits, boolean addressSpace, long nproc) {
        List<String> cmd = new ArrayList<>();
        cmd.add("prlimit");
        for (Object[] l : rlimits(limits, addressSpace, nproc)) {
            String name = ((String) l[0]).toLowerCase(Locale.ROOT);
            cmd.add("--" + name + "=" + (l[1].equals(l[2]) ? l[1] : l[1] + ":" + l[2]));
        }
        cmd.add("--");
        return cmd;
    }

    /**
     * Return whether runs may be forked from a warm interpreter: as root, in a layer of namespaces, which the
     * zygote's child then builds itself (the namespaces layer's view and guarantees).
     */
    boolean forks() {
        return root && (layer == Layer.BUBBLEWRAP || layer == Layer.NAMESPACES);
    }

    /**
     * Describe a run for the zygote (see {@code _grader_zygote.py}): the same namespaces, minimal root, uid,
     * control groups and limits as the namespaces layer's command, built in the forked child.
     *
     * @param dir the run directory ({@code work/}, {@code out/}, {@code root/}, and the stdin, stdout and stderr
     *     files beside them)
     */
    Map<String, Object> forkRequest(Path dir, Path tracer, int uid, Limits limits, Cgroup cgroup, List<String> args,
            Map<String, String> env) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("root", dir.resolve("root").toString());
        r.put("work", dir.resolve("work").toString());
        r.put("out", dir.resolve("out").toString());
        r.put("tracer", tracer.toString());
        r.put("stdin", dir.resolve("stdin").toString());
        r.put("stdout", dir.resolve("stdout").toString());
        r.put("stderr", dir.resolve("stderr").toString());
        r.put("key", dir.resolve("key").toString());
        r.put("started", dir.resolve("started").toString());
        r.put("uid", uid);
        r.put("cgroups", cgroup == null ? List.of() : cgroup.procsFiles());
        r.put("top", topLevel());
        r.put("homes", homes().stream().map(Path::toString).toList());
        r.put("shm", Math.min(64L << 20, Math.max(limits.memoryBytes() / 4, 8L << 20)));
        r.put("tmp", limits.fileSizeBytes());
        List<Object[]> named = new ArrayList<>();
        for (Object[] l : rlimits(limits, cgroup == null, cgroup == null ? limits.processes() : 0)) {
            named.add(new Object[] {"RLIMIT_" + l[0], l[1], l[2]});
        }
        r.put("limits", named);
        r.put("env", env);
        r.put("args", args);
        return r;
    }

    /** Where the program's folder is inside a bubblewrap sandbox. */
    static final String WORK = "/work";
    /** Where the tracer writes inside a bubblewrap sandbox. */
    static final String OUT = "/grader/out";
    /** Where the tracer's code is inside a bubblewrap sandbox. */
    static final String TRACER = "/grader/tracer";

    /**
     * Return the paths the program sees: its folder, the tracer's output folder and the tracer's code.
     *
     * @return work, out, tracer, as the program sees them
     */
    List<String> paths(Path dir, Path tracer) {
        if (layer == Layer.BUBBLEWRAP || layer == Layer.NAMESPACES) {
            return List.of(WORK, OUT, TRACER);
        }
        return List.of(dir.resolve("work").toString(), dir.resolve("out").toString(), tracer.toString());
    }

    /** Return the interpreter's folders outside /usr, without any that another one holds. */
    private List<Path> homes() {
        List<Path> out = new ArrayList<>();
        List<Path> all = new ArrayList<>(python.homes());
        all.sort(null);
        for (Path h : all) {
            Path n = h.toAbsolutePath().normalize();
            if (n.startsWith("/usr") || out.stream().anyMatch(n::startsWith) || !Files.isDirectory(n)) {
                continue;
            }
            out.add(n);
        }
        return out;
    }

    /** Run a program that prints 2 in this layer; return null when it works, else what went wrong. */
    private String tryRun(Path tracer) {
        Path dir = null;
        int uid = -1;
        try {
            dir = RunDirs.create(null, root);
            uid = takeUid();
            RunDirs.handOver(dir, uid);
            List<String> args = python.probe(dir.resolve("work"), paths(dir, tracer).get(2));
            ProcessBuilder pb = new ProcessBuilder(command(dir, tracer, uid, Limits.DEFAULT, null, args));
            pb.environment().clear();
            pb.environment().put("PATH", "/usr/local/bin:/usr/bin:/bin");
            pb.environment().put("GRADER_CGROUPS", "");
            pb.directory(dir.resolve("work").toFile());
            pb.redirectErrorStream(true);
            Process p = pb.start();
            p.getOutputStream().close();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
            }
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "did not finish within 20 s";
            }
            if (p.exitValue() != 0 || !out.strip().equals("2")) {
                String why = out.strip().isEmpty() ? "exit code " + p.exitValue() : out.strip();
                if (uid >= 0 && why.contains("Permission denied")) {
                    why += " (" + python.describe() + " may not be reachable by an unprivileged "
                            + "user; use one under /usr or /opt)";
                }
                return why.length() > 300 ? why.substring(0, 300) + "..." : why;
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } finally {
            if (uid >= 0) {
                Reaper.killUid(uid);
                returnUid(uid);
            }
            if (dir != null) {
                RunDirs.delete(dir);
            }
        }
    }

    /** Return true when the grader runs as root. */
    public static boolean isRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return line.split("\\s+")[1].equals("0");
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }
}
