package dev.grader.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;

/**
 * Kill what is left of a run: its process tree, every process carrying its token, every process of its uid.
 *
 * <p>A grandchild that called {@code setsid()} and double-forked is no longer a descendant; it still carries
 * the run's token in its environment, and still has the run's uid.
 */
final class Reaper {

    private Reaper() {
    }

    /**
     * Kill the process and its descendants; with {@code scanForToken}, also every process that carries the run's
     * token, until none is left. The scan reads every process's environment: a run with a uid or control groups
     * of its own is found by those instead.
     */
    static void killTree(Process process, String token, boolean scanForToken) {
        List<ProcessHandle> tree = new ArrayList<>();
        process.toHandle().descendants().forEach(tree::add);
        process.destroyForcibly();
        tree.forEach(ProcessHandle::destroyForcibly);
        if (scanForToken) {
            byte[] marker = ("GRADER_RUN=" + token).getBytes(StandardCharsets.UTF_8);
            killAll(pid -> carries(pid, marker));
        }
    }

    /** Kill every process whose real uid is the run's. */
    static void killUid(int uid) {
        if (uid >= 0) {
            killAll(pid -> uidOf(pid) == uid);
        }
    }

    private static void killAll(LongPredicate match) {
        for (int round = 0; round < 100; round++) {
            List<Long> found = find(match);
            if (found.isEmpty()) {
                return;
            }
            for (long pid : found) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
            try {
                Thread.sleep(round < 10 ? 5 : 50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Return the pids of live processes that match (zombies have no environment and are skipped). */
    static List<Long> find(LongPredicate match) {
        List<Long> found = new ArrayList<>();
        long self = ProcessHandle.current().pid();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(Path.of("/proc"), Reaper::isPid)) {
            for (Path p : entries) {
                long pid = Long.parseLong(p.getFileName().toString());
                if (pid != self && match.test(pid)) {
                    found.add(pid);
                }
            }
        } catch (IOException e) {
            // no /proc: only the descendants were killed
        }
        return found;
    }

    /** Return the pids of live processes of any run (they carry a run token), for checks after a batch. */
    static List<Long> anyRun() {
        return find(pid -> carries(pid, "GRADER_RUN=".getBytes(StandardCharsets.UTF_8)));
    }

    /** Return the pids of live processes whose environment holds the run's token. */
    static List<Long> carriers(String token) {
        byte[] marker = ("GRADER_RUN=" + token).getBytes(StandardCharsets.UTF_8);
        return find(pid -> carries(pid, marker));
    }

    private static boolean carries(long pid, byte[] needle) {
        try {
            return contains(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "environ")), needle);
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    /** Return how many tasks (threads) the grader's own user has, for a process limit that counts them all. */
    static int tasksOfUser() {
        int uid = uidOf(ProcessHandle.current().pid());
        int tasks = 0;
        // one read of each status file gives both the owner and the thread count
        for (long pid : find(p -> true)) {
            try {
                int owner = -1;
                int threads = 0;
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                    if (line.startsWith("State:") && line.contains("Z")) {
                        break;
                    }
                    if (line.startsWith("Uid:")) {
                        owner = Integer.parseInt(line.split("\\s+")[1]);
                    } else if (line.startsWith("Threads:")) {
                        threads = Integer.parseInt(line.substring(8).strip());
                    }
                }
                tasks += owner == uid ? threads : 0;
            } catch (IOException | RuntimeException e) {
                // gone
            }
        }
        // the grader itself, which find() leaves out
        return tasks + Thread.activeCount() + 32;
    }

    private static boolean isPid(Path p) {
        String name = p.getFileName().toString();
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) < '0' || name.charAt(i) > '9') {
                return false;
            }
        }
        return !name.isEmpty();
    }

    /** Return the real uid of a live process, or -1 for a zombie or a process gone; read once per process per scan. */
    private static int uidOf(long pid) {
        byte[] status;
        try {
            status = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "status"));
        } catch (IOException | SecurityException e) {
            return -1;
        }
        int state = indexOf(status, STATE, 0);
        if (state >= 0 && state + STATE.length < status.length && status[state + STATE.length] == 'Z') {
            return -1;
        }
        int at = indexOf(status, UID, 0);
        if (at < 0) {
            return -1;
        }
        int uid = 0;
        boolean any = false;
        for (int i = at + UID.length; i < status.length && status[i] >= '0' && status[i] <= '9'; i++) {
            uid = uid * 10 + (status[i] - '0');
            any = true;
        }
        return any ? uid : -1;
    }

    private static final byte[] STATE = "\nState:\t".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] UID = "\nUid:\t".getBytes(StandardCharsets.US_ASCII);

    private static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = from; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Return true when an entry of an environment block (entries end with NUL) starts with {@code needle}. */
    private static boolean contains(byte[] hay, byte[] needle) {
        for (int i = indexOf(hay, needle, 0); i >= 0; i = indexOf(hay, needle, i + 1)) {
            if (i == 0 || hay[i - 1] == 0) {
                return true;
            }
        }
        return false;
    }
}
