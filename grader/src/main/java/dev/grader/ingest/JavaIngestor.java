package dev.grader.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Read a Java submission: one {@code .java} file, or a folder of them (in sub-folders too, as packages lay
 * them out). Each file becomes one code cell whose lines are the file's lines.
 */
public final class JavaIngestor {

    /** Largest source file read; more is not a hand-written answer. */
    static final int MAX_BYTES = 1 << 20;

    /** Read one submission; never throws, a submission that cannot be read carries its problem. */
    public Submission read(Path path) {
        String id = SubmissionFinder.idOf(path);
        try {
            if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                return readFolder(id, path);
            }
            if (!Files.isRegularFile(path)) {
                return Submission.failed(id, path, "unreadable", path + ": no such file");
            }
            String name = path.getFileName().toString();
            if (!name.toLowerCase(Locale.ROOT).endsWith(".java")) {
                return Submission.failed(id, path, "unsupported", name + ": not a Java source file; hand in a .java "
                        + "file or a folder of .java files");
            }
            List<Cell> cells = new ArrayList<>();
            Submission.Problem p = addFile(name, path, cells);
            if (p != null) {
                return new Submission(id, path, "java", List.of(), List.of(), p);
            }
            return new Submission(id, path, "java", cells, List.of(), null);
        } catch (IOException e) {
            return Submission.failed(id, path, "unreadable", path.getFileName() + ": cannot be read (" + e.getMessage()
                    + ")");
        }
    }

    private Submission readFolder(String id, Path dir) throws IOException {
        List<Cell> cells = new ArrayList<>();
        List<Note> notes = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir, 8)) {
            files = s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        }
        for (Path p : files) {
            String rel = dir.relativize(p).toString();
            if (hidden(rel)) {
                continue;
            }
            if (!rel.toLowerCase(Locale.ROOT).endsWith(".java")) {
                notes.add(new Note(rel, 0, "not a Java source file: ignored"));
                continue;
            }
            Submission.Problem problem = addFile(rel, p, cells);
            if (problem != null) {
                notes.add(new Note(rel, 0, problem.reason() + ": ignored"));
            }
        }
        if (cells.isEmpty()) {
            return new Submission(id, dir, "java-folder", List.of(), notes, new Submission.Problem(
                    files.isEmpty() ? "empty" : "unsupported", dir.getFileName() + ": no readable .java file in the "
                            + "folder"));
        }
        return new Submission(id, dir, "java-folder", cells, notes, null);
    }

    private static Submission.Problem addFile(String rel, Path p, List<Cell> cells) throws IOException {
        byte[] data;
        try (InputStream in = Files.newInputStream(p, LinkOption.NOFOLLOW_LINKS)) {
            data = in.readNBytes(MAX_BYTES + 1);
        }
        if (data.length > MAX_BYTES) {
            return new Submission.Problem("invalid", rel + ": larger than " + (MAX_BYTES >> 10) + " KiB");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data)).toString();
        } catch (CharacterCodingException e) {
            text = new String(data, StandardCharsets.ISO_8859_1);
        }
        if (text.indexOf('\0') >= 0) {
            return new Submission.Problem("unreadable", rel + ": binary content, not a Java source file");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        text = text.replace("\r\n", "\n").replace('\r', '\n');
        if (text.isBlank()) {
            return new Submission.Problem("empty", rel + ": the file is empty");
        }
        int n = text.split("\n", -1).length;
        cells.add(new Cell(cells.size(), CellKind.CODE, text, IntStream.rangeClosed(1, n).boxed().toList(), rel));
        return null;
    }

    private static boolean hidden(String rel) {
        for (String part : rel.split("/")) {
            if (part.startsWith(".") || part.equals("out") || part.equals("bin") || part.equals("target")) {
                return true;
            }
        }
        return false;
    }
}
