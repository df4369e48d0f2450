package dev.grader.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.grader.python.Interpreter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Run hostile programs in every layer this machine offers, not only the best one: limits are named, no
 * process survives, and a hang still shows where each process was blocked.
 */
class SandboxLayersTest {

    private static final Path RES = Path.of("src/test/resources/run");
    private static final Path HOSTILE = Path.of("src/test/resources/hostile");
    private static final Limits LIMITS = new Limits(Duration.ofSeconds(4), Duration.ofSeconds(2), 256L << 20, 32,
            8L << 20, 64L << 10);

    /**
     * Make a runner forced into a layer, or skip when this machine does not offer it: {@code namespaces} forks runs
     * from a warm interpreter where it can, {@code namespaces-exec} starts an interpreter for each.
     */
    private static LocalRunner runner(String mode) throws Exception {
        Sandbox.Layer layer = layer(mode);
        // a dedicated uid cannot reach an interpreter kept under /root; Debian's is reachable
        Interpreter python = Interpreter.probe(layer == Sandbox.Layer.UID ? "/usr/bin/python3" : "python3");
        boolean forking = !mode.endsWith("-exec");
        LocalRunner r = new LocalRunner(new PythonToolchain(python), null, layer, forking);
        assumeTrue(r.sandbox().layer() == layer, "this machine does not offer the " + layer.label() + " layer: "
                + r.isolation());
        // where the layer can be entered from a forked child, the zygote must come up: a fallback is a failure here
        assertTrue(!forking || !r.sandbox().forks() || r.launcher().startsWith("zygote on"), r.launcher());
        return r;
    }

    private static Sandbox.Layer layer(String mode) {
        return Sandbox.Layer.of(mode.replace("-exec", ""));
    }

    private static RunResult run(LocalRunner r, Path file) throws IOException {
        return r.run(new RunSpec(file.getFileName().toString(), Files.readString(file), "", LIMITS, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bubblewrap", "bubblewrap-exec", "namespaces", "namespaces-exec", "uid", "plain"})
    void limitsAreNamedInEveryLayer(String mode) throws Exception {
        LocalRunner r = runner(mode);
        assertEquals("CPU time limit 2 s per process exceeded", run(r, HOSTILE.resolve("infinite_loop.py")).limit());
        assertEquals("output limit 64 KiB exceeded", run(r, HOSTILE.resolve("output_flood.py")).limit());
        // filling 1 GiB of address space (where no control group caps memory) takes seconds of CPU
        Limits roomy = new Limits(Duration.ofSeconds(15), Duration.ofSeconds(10), 256L << 20, 32, 8L << 20, 64L << 10);
        Path hog = HOSTILE.resolve("memory_hog.py");
        String memory = r.run(new RunSpec("hog", Files.readString(hog), "", roomy, null)).limit();
        assertTrue(memory != null && memory.startsWith("memory limit "), memory);
        if (r.sandbox().cgroups()) {
            assertEquals("memory limit 256 MiB exceeded", memory);
            assertEquals("more than 32 processes and threads", run(r, HOSTILE.resolve("fork_bomb.py")).limit());
        }
        assertEquals(List.of(), Reaper.anyRun());
    }

    @ParameterizedTest
    @ValueSource(strings = {"bubblewrap", "bubblewrap-exec", "namespaces", "namespaces-exec", "uid", "plain"})
    void escapedGrandchildrenDieAndHangsShowTheirStacksInEveryLayer(String mode) throws Exception {
        LocalRunner r = runner(mode);
        RunResult escape = run(r, RES.resolve("escape.py"));
        assertTrue(escape.succeeded(), escape.stderr());
        RunResult daemon = run(r, HOSTILE.resolve("orphan_daemon.py"));
        assertTrue(daemon.stdout().contains("parent leaves"), daemon.stdout() + daemon.stderr());
        assertEquals(List.of(), Reaper.anyRun());
        RunResult hang = run(r, RES.resolve("pipe_deadlock.py"));
        assertTrue(hang.timedOut());
        assertEquals(2, hang.stacks().size(), hang.stacks().toString());
        assertEquals(List.of(), Reaper.anyRun());
    }

    @ParameterizedTest
    @ValueSource(strings = {"bubblewrap", "bubblewrap-exec", "namespaces", "namespaces-exec", "uid", "plain"})
    void theRubricsStdinReachesTheProgramInEveryLayer(String mode) throws Exception {
        LocalRunner r = runner(mode);
        RunResult res = r.run(new RunSpec("stdin", "n = int(input('a number? '))\nprint('got', n * 2)\n"
                + "import sys\nprint('rest', repr(sys.stdin.read()))\n", "21\nmore\n", LIMITS, null));
        assertTrue(res.succeeded(), res.stdout() + res.stderr());
        assertEquals("a number? got 42\nrest 'more\\n'\n", res.stdout());
    }

    @ParameterizedTest
    @ValueSource(strings = {"bubblewrap", "bubblewrap-exec", "namespaces", "namespaces-exec", "uid"})
    void asRootEveryRunHasAnUnprivilegedUidOfItsOwn(String mode) throws Exception {
        assumeTrue(Sandbox.isRoot(), "the grader does not run as root here");
        LocalRunner r = runner(mode);
        RunResult who = r.run(new RunSpec("uid", "import os\nprint(os.getuid(), os.getgid(), os.getgroups())\n", "",
                LIMITS, null));
        assertTrue(who.succeeded(), who.stderr());
        String[] parts = who.stdout().strip().split(" ", 3);
        int uid = Integer.parseInt(parts[0]);
        if (!mode.equals("bubblewrap-exec")) {
            assertTrue(uid >= Sandbox.FIRST_UID, who.stdout());
        } else {
            // bubblewrap maps the run's uid to itself inside its user namespace
            assertFalse(uid == 0, who.stdout());
        }
        assertEquals("[]", parts[2]);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bubblewrap", "bubblewrap-exec", "namespaces", "namespaces-exec"})
    void isolatingLayersCloseTheNetworkAndHideTheHostsFiles(String mode) throws Exception {
        LocalRunner r = runner(mode);
        Path secret = Files.createTempFile("grader-secret-", ".txt");
        Files.writeString(secret, "TOP-SECRET");
        // readable by anyone: only the sandbox's view can keep it from the run
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r--r--"));
        String marker = "/tmp/grader-escape-" + System.nanoTime();
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(100);
            String program = "import socket\n"
                    + "try:\n    socket.create_connection(('127.0.0.1', " + server.getLocalPort() + "), timeout=2)\n"
                    + "    print('connected')\nexcept OSError as e:\n    print('refused', type(e).__name__)\n"
                    + "for p in ('" + secret + "', '/etc/shadow'):\n    try:\n        print(open(p).read())\n"
                    + "    except OSError as e:\n        print('unreadable', type(e).__name__)\n"
                    + "open('" + marker + "', 'w').write('x')\nprint('wrote')\n";
            RunResult res = r.run(new RunSpec("net", program, "", LIMITS, null));
            assertTrue(res.stdout().contains("refused"), res.stdout() + res.stderr());
            assertFalse(res.stdout().contains("TOP-SECRET"), res.stdout());
            assertFalse(res.stdout().contains("root:"), res.stdout());
            assertFalse(Files.exists(Path.of(marker)), "wrote the host's /tmp");
            try (Socket s = server.accept()) {
                throw new AssertionError("a run reached the loopback server");
            } catch (SocketTimeoutException expected) {
                // nobody came
            }
        } finally {
            Files.deleteIfExists(secret);
        }
    }
}
