package dev.grader.cli;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Make a runnable grader jar for tests that run it as a platform would ({@code java -jar grader.jar ...}): the tests
 * run before the build packs the real jar, so this one holds only a manifest naming the compiled classes and the
 * dependencies the tests run with.
 */
final class ThinJar {

    private ThinJar() {
    }

    static Path write(Path file) throws IOException {
        List<String> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                urls.add(Path.of(entry).toAbsolutePath().toUri().toString());
            }
        }
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "dev.grader.cli.Main");
        m.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", urls));
        try (OutputStream o = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(o, m)) {
            jar.flush();
        }
        return file;
    }
}
