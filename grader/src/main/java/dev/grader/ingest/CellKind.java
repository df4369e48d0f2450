package dev.grader.ingest;

/** Classify a cell of a submission by what it holds. */
public enum CellKind {
    /** Python (or Java) source meant to be run. */
    CODE,
    /** Prose: markdown, headings, plain text. */
    MARKDOWN,
    /** A raw notebook cell: neither rendered nor run, but it may hold code. */
    RAW,
    /** Prose typed into a code cell: read as prose, never run. */
    PROSE_IN_CODE,
    /** Code written in a notebook's markdown or raw cell: it never ran, and the rubric says what it is worth. */
    MARKDOWN_CODE
}
