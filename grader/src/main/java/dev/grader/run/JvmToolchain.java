package dev.grader.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Run a compiled Java answer in a child JVM under the grader's harness ({@code dev.grader.jrt.Harness}), which
 * records threads, executors and output in the same trace format as the Python tracer. The harness's classes
 * and the JUnit Platform (for instructors' tests) are copied once into a support folder every run can read.
 *
 * <p>The files of a run ({@link RunSpec#files()}) hold the answer's classes under {@code classes/} and the
 * instructor's tests under {@code tests/}.
 */
public final class JvmToolchain implements Toolchain {

    /** The harness's main class. */
    public static final String HARNESS = "dev.grader.jrt.Harness";
    /** Classes whose jars an instructor's tests need, to compile and to run. */
    private static final List<String> JUNIT = List.of("org.junit.jupiter.api.Test",
            "org.junit.jupiter.engine.JupiterTestEngine", "org.junit.platform.launcher.core.LauncherFactory",
            "org.junit.platform.engine.TestEngine", "org.junit.platform.commons.util.ReflectionUtils",
            "org.opentest4j.AssertionFailedError", "org.apiguardian.api.API");
    private static Path extracted;

    private final Path javaHome;
    private final Path support;

    /** Make the toolchain of the JVM the grader runs on. */
    public JvmToolchain() {
        this(Path.of(System.getProperty("java.home")));
    }

    /** Make the toolchain of a JDK or JRE. */
    public JvmToolchain(Path javaHome) {
        this.javaHome = javaHome.toAbsolutePath().normalize();
        this.support = supportFolder();
    }

    @Override
    public Path executable() {
        return javaHome.resolve("bin").resolve("java");
    }

    @Override
    public List<Path> homes() {
        Set<Path> out = new LinkedHashSet<>(List.of(javaHome));
        try {
            Path real = javaHome.toRealPath();
            out.add(real);
            // a distribution's JDK links its configuration to /etc (Debian: conf/security -> /etc/java-17-openjdk)
            try (Stream<Path> s = Files.walk(real, 4)) {
                for (Path p : s.filter(Files::isSymbolicLink).toList()) {
                    try {
                        Path target = p.toRealPath();
                        if (!target.startsWith(real) && !target.startsWith("/usr") && target.getNameCount() >= 2) {
                            out.add(target.getRoot().resolve(target.subpath(0, 2)));
                        }
                    } catch (IOException e) {
                        // a dangling link: nothing to show
                    }
                }
            }
        } catch (IOException e) {
            // the home as given is all there is
        }
        return new ArrayList<>(out);
    }

    @Override
    public Path support() {
        return support;
    }

    @Override
    public List<String> probe(Path work, String supportSeen) {
        List<String> args = new ArrayList<>(flags(Limits.DEFAULT, "/tmp"));
        args.addAll(List.of("-cp", supportSeen + "/jrt", HARNESS, "probe"));
        return args;
    }

    @Override
    public List<String> arguments(RunSpec spec, List<String> seen) {
        String tmp = seen.get(0).equals(Sandbox.WORK) ? "/tmp" : seen.get(0) + "/tmp";
        List<String> args = new ArrayList<>(flags(spec.limits(), tmp));
        List<String> cp = new ArrayList<>(List.of(seen.get(2) + "/jrt", seen.get(0) + "/classes"));
        if (!spec.args().isEmpty() && spec.args().get(0).equals("test")) {
            cp.add(seen.get(0) + "/tests");
            for (Path jar : junitJars()) {
                cp.add(seen.get(2) + "/lib/" + jar.getFileName());
            }
        }
        args.addAll(List.of("-cp", String.join(":", cp), HARNESS));
        args.addAll(spec.args());
        return args;
    }

    /** Return JVM options that keep a small program small: one GC thread, the client compiler, a capped heap. */
    static List<String> flags(Limits limits, String tmp) {
        long heap = Math.max(32L << 20, Math.min(limits.memoryBytes() / 2, 1L << 30));
        return List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1", "-Xshare:auto",
                "-XX:-UsePerfData", "-XX:+DisableAttachMechanism", "--add-opens=java.base/java.lang=ALL-UNNAMED", "-Xmx" + (heap >> 20) + "m",
                "-XX:MaxMetaspaceSize=128m", "-XX:CompressedClassSpaceSize=64m", "-XX:ReservedCodeCacheSize=32m",
                "-XX:ErrorFile=" + tmp + "/hs_err.log", "-Djava.io.tmpdir=" + tmp, "-Dfile.encoding=UTF-8");
    }

    @Override
    public Map<String, String> environment(RunSpec spec, List<String> seen) {
        Map<String, String> env = new LinkedHashMap<>();
        // each thread's malloc arena reserves 64 MiB of address space, which an address-space limit counts
        env.put("MALLOC_ARENA_MAX", "2");
        env.put("GRADER_WALL_MS", Long.toString(spec.limits().wallTime().toMillis()));
        return env;
    }

    @Override
    public boolean keyInEnvironment() {
        return false;
    }

    @Override
    public boolean signalStacks() {
        return false;
    }

    @Override
    public String describe() {
        return "the Java runtime " + executable();
    }

    /** Return the jars (or class folders) an instructor's JUnit 5 tests compile and run against. */
    public static List<Path> junitJars() {
        Set<Path> out = new LinkedHashSet<>();
        for (String name : JUNIT) {
            try {
                Class<?> c = Class.forName(name, false, JvmToolchain.class.getClassLoader());
                out.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()));
            } catch (ClassNotFoundException | URISyntaxException | NullPointerException e) {
                // not shipped: tests that need it fail to compile, with javac's message
            }
        }
        return new ArrayList<>(out);
    }

    /** Copy the harness's classes and the JUnit jars, once per JVM, into a folder every run's uid can read. */
    private static synchronized Path supportFolder() {
        if (extracted != null && Files.isDirectory(extracted)) {
            return extracted;
        }
        try {
            Path dir = Files.createTempDirectory("grader-jvm-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Path jrt = Files.createDirectories(dir.resolve("jrt").resolve("dev").resolve("grader").resolve("jrt"));
            copyHarness(jrt);
            Path lib = Files.createDirectories(dir.resolve("lib"));
            for (Path jar : junitJars()) {
                if (Files.isRegularFile(jar)) {
                    Files.copy(jar, lib.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            readOnly(dir);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> RunDirs.delete(dir), "grader-jvm-support"));
            extracted = dir;
            return dir;
        } catch (IOException | URISyntaxException e) {
            throw new UncheckedIOException("could not prepare the grader's Java harness: " + e.getMessage(),
                    e instanceof IOException io ? io : new IOException(e));
        }
    }

    private static void copyHarness(Path to) throws IOException, URISyntaxException {
        Path from = Path.of(JvmToolchain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String prefix = "dev/grader/jrt/";
        if (Files.isDirectory(from)) {
            try (Stream<Path> s = Files.list(from.resolve(prefix))) {
                for (Path p : s.filter(p -> p.toString().endsWith(".class")).toList()) {
                    Files.copy(p, to.resolve(p.getFileName().toString()));
                }
            }
            return;
        }
        try (JarFile jar = new JarFile(from.toFile())) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry e = entries.nextElement();
                String n = e.getName();
                if (n.startsWith(prefix) && n.endsWith(".class") && n.indexOf('/', prefix.length()) < 0) {
                    try (InputStream in = jar.getInputStream(e)) {
                        Files.copy(in, to.resolve(n.substring(prefix.length())));
                    }
                }
            }
        }
    }

    /** Make a folder readable and passable by every uid, writable by none. */
    private static void readOnly(Path dir) throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("r--r--r--"));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("r-xr-xr-x"));
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
