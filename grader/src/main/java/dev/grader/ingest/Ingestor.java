package dev.grader.ingest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.grader.python.PythonHelper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Read one submission, whatever its format, into cells that keep the student's line numbers.
 *
 * <p>Formats: Jupyter notebooks, Python files (with {@code # In[3]:} or {@code # %%} cell markers),
 * folders and zip files of one file per question, and text or Markdown exports of notebooks (the
 * {@code In [n]:} and {@code [n]:} styles, PDF-to-text included). A submission that cannot be read
 * comes back with a {@link Submission.Problem}, never an exception.
 */
public final class Ingestor {

    /** Bytes read at most from one file. */
    static final int MAX_FILE_BYTES = 64 << 20;
    /** Characters of code read at most from one submission. */
    static final int MAX_CODE_CHARS = 1 << 20;
    private static final Set<String> TEXT_EXT = Set.of("txt", "md", "markdown", "text", "rst", "");
    private static final Set<String> BINARY_EXT = Set.of("pdf", "doc", "docx", "odt", "png", "jpg", "jpeg", "gif",
            "xls", "xlsx", "ppt", "pptx", "exe", "bin", "class", "jar", "pyc", "tar", "gz", "7z", "rar");
    private static final Pattern QUESTION_FILE = Pattern.compile(
            "(?i)(?:q|ques|question|ans|answer)?[ _-]?0*(\\d{1,2})\\.(py|ipynb|txt|md)");

    private final PythonHelper python;
    private final CodeCells codeCells;
    private final String markdownCode;

    /** Make an ingestor that asks the helper's Python parser where code ends; code in markdown is noted. */
    public Ingestor(PythonHelper python) {
        this(python, "note");
    }

    /**
     * Make an ingestor.
     *
     * @param python the helper whose Python parser says where code ends
     * @param markdownCode what code written in a notebook's markdown or raw cells becomes: {@code run} a code
     *     cell, {@code note} a {@link CellKind#MARKDOWN_CODE} cell (never run, shown), {@code ignore} nothing
     */
    public Ingestor(PythonHelper python, String markdownCode) {
        this.python = python;
        this.codeCells = new CodeCells(python);
        this.markdownCode = markdownCode;
    }

    /**
     * Read one submission: a file, a folder of files, or a zip file.
     *
     * @param path the submission
     * @return the submission, with a problem when it could not be read
     */
    public Submission read(Path path) {
        Submission s = withinCodeLimit(readAny(path));
        if (s.problem() != null) {
            return s;
        }
        return new Submission(s.id(), s.path(), s.format(), codeCells.read(s.cells()), s.notes(), null);
    }

    /**
     * Refuse a submission holding more code than any answer to an assignment needs: every later stage
     * (compiling, analysing, running, the report's listing) grows with it. Outputs and prose do not count.
     */
    private static Submission withinCodeLimit(Submission s) {
        if (s.problem() != null) {
            return s;
        }
        long chars = 0;
        for (Cell c : s.cells()) {
            if (c.kind() == CellKind.CODE) {
                chars += c.source().length();
            }
        }
        if (chars <= MAX_CODE_CHARS) {
            return s;
        }
        String size = String.format(Locale.ROOT, "%.1f MiB", chars / (double) (1 << 20));
        return new Submission(s.id(), s.path(), s.format(), List.of(), s.notes(), new Submission.Problem("invalid",
                s.path().getFileName() + ": " + size + " of code; a submission may hold at most "
                        + (MAX_CODE_CHARS >> 20) + " MiB of code (outputs and text do not count)"));
    }

    private Submission readAny(Path path) {
        String id = SubmissionFinder.idOf(path);
        try {
            if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                return readFolder(id, path, folderEntries(path), "folder");
            }
            if (!Files.isRegularFile(path)) {
                return Submission.failed(id, path, "unreadable", path + ": no such file");
            }
            String name = path.getFileName().toString();
            if (ext(name).equals("zip")) {
                List<Entry> entries = new ArrayList<>();
                List<Note> notes = new ArrayList<>();
                String problem = zipEntries(path, entries, notes);
                if (problem != null) {
                    return Submission.failed(id, path, "invalid", name + ": " + problem);
                }
                Submission s = readFolder(id, path, entries, "zip");
                List<Note> all = new ArrayList<>(notes);
                all.addAll(s.notes());
                return new Submission(s.id(), s.path(), s.format(), s.cells(), all, s.problem());
            }
            byte[] data = readCapped(path);
            return readFile(id, path, name, data);
        } catch (IOException e) {
            return Submission.failed(id, path, "unreadable", path.getFileName() + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    private Submission readFile(String id, Path path, String name, byte[] data) {
        Parsed p = parseFile(name, data);
        if (p.problem != null) {
            return new Submission(id, path, p.format, List.of(), List.of(), p.problem);
        }
        return new Submission(id, path, p.format, renumber(p.cells), p.notes, null);
    }

    /** Hold one file of a folder or zip: its relative name and content. */
    private record Entry(String name, byte[] data) {}

    private List<Entry> folderEntries(Path dir) throws IOException {
        List<Entry> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir, 3)) {
            for (Path p : s.sorted().toList()) {
                String rel = dir.relativize(p).toString();
                if (rel.isEmpty() || hidden(rel) || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                out.add(new Entry(rel, readCapped(p)));
            }
        }
        return out;
    }

    private static boolean hidden(String rel) {
        for (String part : rel.split("/")) {
            if (part.startsWith(".") || part.equals("__pycache__") || part.equals("__MACOSX")) {
                return true;
            }
        }
        return false;
    }

    private static String zipEntries(Path zip, List<Entry> out, List<Note> notes) throws IOException {
        long total = 0;
        String zipName = zip.getFileName().toString();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                String name = e.getName().replace('\\', '/');
                if (e.isDirectory()) {
                    continue;
                }
                if (name.startsWith("/") || name.contains("../") || name.equals("..") || name.matches("^[A-Za-z]:.*")) {
                    notes.add(new Note(zipName, 0, "entry '" + name + "' points outside the archive: skipped"));
                    continue;
                }
                if (hidden(name)) {
                    continue;
                }
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                byte[] buf = new byte[8192];
                int n;
                while ((n = in.read(buf)) >= 0) {
                    total += n;
                    if (total > MAX_FILE_BYTES) {
                        return "the archive holds more than " + (MAX_FILE_BYTES >> 20) + " MiB";
                    }
                    b.write(buf, 0, n);
                }
                out.add(new Entry(name, b.toByteArray()));
            }
        } catch (IOException | IllegalArgumentException e) {
            return "not a readable zip archive (" + e.getMessage() + ")";
        }
        if (out.isEmpty()) {
            return "the archive holds no file";
        }
        // a zip of one folder: names relative to that folder
        String first = out.get(0).name();
        int slash = first.indexOf('/');
        if (slash > 0) {
            String prefix = first.substring(0, slash + 1);
            if (out.stream().allMatch(x -> x.name().startsWith(prefix))) {
                List<Entry> stripped = out.stream().map(x -> new Entry(x.name().substring(prefix.length()), x.data())).toList();
                out.clear();
                out.addAll(stripped);
            }
        }
        out.sort(Comparator.comparing(Entry::name));
        return null;
    }

    private Submission readFolder(String id, Path path, List<Entry> entries, String kind) {
        List<Entry> usable = entries.stream().filter(e -> !BINARY_EXT.contains(ext(e.name()))).toList();
        if (usable.isEmpty()) {
            return Submission.failed(id, path, entries.isEmpty() ? "empty" : "unsupported",
                    path.getFileName() + ": " + (entries.isEmpty() ? "the " + kind + " holds no file"
                            : "the " + kind + " holds no notebook, Python or text file"));
        }
        if (usable.size() == 1) {
            Entry e = usable.get(0);
            Parsed p = parseFile(e.name(), e.data());
            if (p.problem != null) {
                return new Submission(id, path, p.format, List.of(), p.notes, p.problem);
            }
            return new Submission(id, path, p.format, renumber(p.cells), p.notes, null);
        }
        List<Entry> others = new ArrayList<>();
        List<Entry> questions = new ArrayList<>();
        for (Entry e : usable) {
            String base = e.name().contains("/") ? e.name().substring(e.name().lastIndexOf('/') + 1) : e.name();
            (QUESTION_FILE.matcher(base).matches() ? questions : others).add(e);
        }
        questions.sort(Comparator.comparingInt((Entry e) -> questionNumber(e.name())).thenComparing(Entry::name));
        List<Cell> cells = new ArrayList<>();
        List<Note> notes = new ArrayList<>();
        for (Entry e : others) {
            Parsed p = parseFile(e.name(), e.data());
            addParsed(e, p, cells, notes);
        }
        for (Entry e : questions) {
            int q = questionNumber(e.name());
            cells.add(new Cell(0, CellKind.MARKDOWN, "Q" + q, List.of(0), e.name()));
            addParsed(e, parseFile(e.name(), e.data()), cells, notes);
        }
        if (cells.isEmpty()) {
            return new Submission(id, path, kind, List.of(), notes,
                    new Submission.Problem("empty", path.getFileName() + ": no file of the " + kind + " could be read"));
        }
        return new Submission(id, path, questions.isEmpty() ? kind : "py-" + kind, renumber(cells), notes, null);
    }

    private static void addParsed(Entry e, Parsed p, List<Cell> cells, List<Note> notes) {
        notes.addAll(p.notes);
        if (p.problem != null) {
            notes.add(new Note(e.name(), 0, p.problem.reason()));
        } else {
            cells.addAll(p.cells);
        }
    }

    private static int questionNumber(String name) {
        String base = name.contains("/") ? name.substring(name.lastIndexOf('/') + 1) : name;
        Matcher m = QUESTION_FILE.matcher(base);
        return m.matches() ? Integer.parseInt(m.group(1)) : Integer.MAX_VALUE;
    }

    private static List<Cell> renumber(List<Cell> cells) {
        List<Cell> out = new ArrayList<>();
        for (Cell c : cells) {
            out.add(new Cell(out.size(), c.kind(), c.source(), c.lines(), c.file()));
        }
        return out;
    }

    /** Hold what reading one file gave: cells and notes, or a problem. */
    record Parsed(String format, List<Cell> cells, List<Note> notes, Submission.Problem problem) {

        static Parsed failed(String format, String status, String reason) {
            return new Parsed(format, List.of(), List.of(), new Submission.Problem(status, reason));
        }
    }

    private Parsed parseFile(String name, byte[] data) {
        String ext = ext(name);
        if (data.length > MAX_FILE_BYTES) {
            return Parsed.failed(ext, "invalid", name + ": larger than " + (MAX_FILE_BYTES >> 20)
                    + " MiB; a file of a submission may be at most that");
        }
        if (BINARY_EXT.contains(ext)) {
            return Parsed.failed(ext, "unsupported", name + ": ." + ext
                    + " files are not supported; hand in a notebook (.ipynb), a Python file (.py) or a text export");
        }
        String text = decode(data);
        if (text == null) {
            boolean known = TEXT_EXT.contains(ext) || ext.equals("py") || ext.equals("ipynb");
            return Parsed.failed(ext, known ? "unreadable" : "unsupported",
                    name + ": binary content, not a notebook, Python or text file");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        text = text.replace("\r\n", "\n").replace('\r', '\n');
        if (text.isBlank()) {
            return Parsed.failed(ext, "empty", name + ": the file is empty");
        }
        if (ext.equals("ipynb") || (!ext.equals("py") && text.stripLeading().startsWith("{"))) {
            return notebook(name, text);
        }
        if (ext.equals("py")) {
            return pyFile(name, text);
        }
        return new TextExport(python, name, text).parse();
    }

    /** Decode UTF-8 (falling back to Latin-1 for a few bad bytes); {@code null} for binary content. */
    static String decode(byte[] data) {
        for (int i = 0; i < Math.min(data.length, 1 << 20); i++) {
            if (data[i] == 0) {
                return null;
            }
        }
        // One decoding pass: a strict decoder would first build a UTF-16 copy twice the size of the text.
        String text = new String(data, StandardCharsets.UTF_8);
        long bad = text.indexOf('\uFFFD') < 0 ? 0 : text.chars().filter(c -> c == 0xFFFD).count();
        return bad * 20 > text.length() ? null : text;
    }

    private static byte[] readCapped(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            // one byte more than the cap tells a file at the cap from a larger one
            return in.readNBytes(MAX_FILE_BYTES + 1);
        }
    }

    static String ext(String name) {
        String base = name.contains("/") ? name.substring(name.lastIndexOf('/') + 1) : name;
        int dot = base.lastIndexOf('.');
        return dot > 0 ? base.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }

    private Parsed notebook(String name, String text) {
        List<NotebookReader.RawCell> raw;
        try {
            raw = NotebookReader.read(text);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            return Parsed.failed("ipynb", "invalid", name + (loc == null ? "" : ":" + loc.getLineNr())
                    + ": not valid notebook JSON" + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            return Parsed.failed("ipynb", "unreadable", name + ": " + e.getMessage());
        }
        if (raw == null) {
            return Parsed.failed("ipynb", "invalid", name + ": valid JSON but not a Jupyter notebook (no \"cells\" list)");
        }
        List<Cell> cells = new ArrayList<>();
        List<Note> notes = new ArrayList<>();
        int n = 0;
        for (NotebookReader.RawCell c : raw) {
            n++;
            String source = stripEnd(c.source());
            String file = name + " cell " + n;
            CellKind kind = switch (c.type()) {
                case "code" -> CellKind.CODE;
                case "raw" -> CellKind.RAW;
                default -> CellKind.MARKDOWN;
            };
            cells.add(new Cell(0, kind, source, oneToN(source), file));
            if (kind != CellKind.CODE && !markdownCode.equals("ignore")) {
                // code in a markdown or raw cell never ran: the rubric says whether it runs here
                CellKind as = markdownCode.equals("run") ? CellKind.CODE : CellKind.MARKDOWN_CODE;
                List<Cell> code = fencedCode(source, file);
                if (code.isEmpty()) {
                    code = codeCells.pasted(new Cell(0, CellKind.CODE, source, oneToN(source), file));
                }
                for (Cell piece : code) {
                    cells.add(new Cell(0, as, piece.source(), piece.lines(), piece.file()));
                }
            }
        }
        return new Parsed("ipynb", cells, notes, null);
    }

    private static String stripEnd(String s) {
        String t = s.replace("\r\n", "\n");
        return t.endsWith("\n") ? t.substring(0, t.length() - 1) : t;
    }

    private static List<Integer> oneToN(String source) {
        int n = source.split("\n", -1).length;
        List<Integer> lines = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            lines.add(i);
        }
        return lines;
    }

    private static final Pattern FENCE_OPEN = Pattern.compile("^\\s*```\\s*(python|py|python3|ipython|ipython3)?\\s*$",
            Pattern.CASE_INSENSITIVE);

    /** Turn fenced Python blocks of a prose cell into code cells, with the cell's line numbers. */
    private List<Cell> fencedCode(String source, String file) {
        List<Cell> out = new ArrayList<>();
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = FENCE_OPEN.matcher(lines[i]);
            if (!m.matches()) {
                continue;
            }
            int j = i + 1;
            while (j < lines.length && !lines[j].strip().startsWith("```")) {
                j++;
            }
            List<String> body = new ArrayList<>();
            List<Integer> nums = new ArrayList<>();
            for (int k = i + 1; k < j; k++) {
                body.add(lines[k]);
                nums.add(k + 1);
            }
            String code = String.join("\n", body);
            PythonHelper.ParseOutcome p = code.isBlank() ? null : python.parse(code);
            if (p != null && (m.group(1) != null || (p.ok() && !p.outputLike() && p.statements() > 0))) {
                out.add(new Cell(0, CellKind.CODE, code, nums, file));
            }
            i = j;
        }
        return out;
    }

    private static final Pattern PY_MARKER = Pattern.compile("^#\\s*(In\\s*\\[[\\s\\d]*\\]:?|%%).*$");

    private static Parsed pyFile(String name, String text) {
        String[] lines = text.split("\n", -1);
        List<Cell> cells = new ArrayList<>();
        List<String> cur = new ArrayList<>();
        List<Integer> nums = new ArrayList<>();
        boolean markers = false;
        for (int i = 0; i < lines.length; i++) {
            if (PY_MARKER.matcher(lines[i]).matches()) {
                markers = true;
                flush(cells, cur, nums, name);
                continue;
            }
            cur.add(lines[i]);
            nums.add(i + 1);
        }
        flush(cells, cur, nums, name);
        return new Parsed(markers ? "py-cells" : "py", cells, List.of(), null);
    }

    private static void flush(List<Cell> cells, List<String> cur, List<Integer> nums, String name) {
        while (!cur.isEmpty() && cur.get(cur.size() - 1).isBlank()) {
            cur.remove(cur.size() - 1);
            nums.remove(nums.size() - 1);
        }
        if (!cur.isEmpty() && cur.stream().anyMatch(l -> !l.isBlank())) {
            cells.add(new Cell(0, CellKind.CODE, String.join("\n", cur), List.copyOf(nums), name));
        }
        cur.clear();
        nums.clear();
    }
}
