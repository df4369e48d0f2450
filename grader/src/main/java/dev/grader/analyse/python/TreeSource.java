package dev.grader.analyse.python;

/**
 * Parse Python source into CPython's own syntax tree.
 *
 * <p>The grader answers this with the batch's one helper process; tests may too.
 */
public interface TreeSource {

    /** Return the tree of a module, or {@code null} when the source does not compile. */
    PyNode parse(String source);
}
