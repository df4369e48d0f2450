package dev.grader.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Read Java submissions: files, folders, and every way they can be unreadable. */
class JavaIngestorTest {

    private final JavaIngestor ingestor = new JavaIngestor();

    @Test
    void aFileIsOneCellWithItsOwnLineNumbers(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("alice.java"), "\uFEFFclass A {\r\n}\r\n", StandardCharsets.UTF_8);
        Submission s = ingestor.read(f);
        assertNull(s.problem());
        assertEquals("java", s.format());
        assertEquals("class A {\n}\n", s.cells().get(0).source());
        assertEquals(List.of(1, 2, 3), s.cells().get(0).lines());
    }

    @Test
    void aFolderReadsItsJavaFilesInPackagesAndNotesTheRest(@TempDir Path dir) throws Exception {
        Path bob = Files.createDirectories(dir.resolve("bob"));
        Files.createDirectories(bob.resolve("src/lab"));
        Files.writeString(bob.resolve("src/lab/Q3.java"), "package lab;\nclass Q3 {}\n");
        Files.writeString(bob.resolve("README.md"), "my answers\n");
        Files.createDirectories(bob.resolve("out"));
        Files.writeString(bob.resolve("out/Q3.java"), "class Copy {}\n");
        Files.write(bob.resolve("Broken.java"), new byte[] {'c', 0, 1, 2});
        Submission s = ingestor.read(bob);
        assertNull(s.problem());
        assertEquals("java-folder", s.format());
        assertEquals(List.of("src/lab/Q3.java"), s.cells().stream().map(Cell::file).toList());
        assertEquals(List.of("Broken.java: binary content, not a Java source file: ignored",
                "README.md: not a Java source file: ignored"), s.notes().stream().map(n -> n.file() + ": "
                        + n.message().replace(n.file() + ": ", "")).toList());
    }

    @Test
    void unreadableSubmissionsSayWhy(@TempDir Path dir) throws Exception {
        assertEquals("empty", ingestor.read(Files.writeString(dir.resolve("e.java"), "  \n")).problem().status());
        Submission notJava = ingestor.read(Files.writeString(dir.resolve("answers.py"), "print(1)\n"));
        assertEquals("unsupported", notJava.problem().status());
        assertEquals("answers.py: not a Java source file; hand in a .java file or a folder of .java files",
                notJava.problem().reason());
        assertEquals("unreadable", ingestor.read(dir.resolve("nope.java")).problem().status());
        Path empty = Files.createDirectories(dir.resolve("nothing"));
        assertEquals("empty", ingestor.read(empty).problem().status());
        Files.writeString(empty.resolve("notes.txt"), "x");
        assertEquals("unsupported", ingestor.read(empty).problem().status());
    }
}
