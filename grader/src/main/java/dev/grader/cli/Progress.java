package dev.grader.cli;

import java.io.PrintWriter;

/**
 * Draw a progress bar for a batch on a terminal: submissions read, then programs run. Nothing at all when
 * the output is not a terminal (CI logs, pipes); no colour when {@code NO_COLOR} is set.
 */
final class Progress {

    private static final int WIDTH = 30;

    private final PrintWriter out;
    private final boolean color;
    private final boolean enabled;
    private int read;
    private int runs = -1;
    private int ran;

    Progress(PrintWriter out, boolean color, boolean enabled) {
        this.out = out;
        this.color = color;
        this.enabled = enabled;
    }

    /** Take one step message from the grader ({@code read F}, {@code runs N}, {@code ran K}). */
    synchronized void step(String message) {
        if (message.startsWith("read ")) {
            read++;
        } else if (message.startsWith("runs ")) {
            runs = Integer.parseInt(message.substring(5).strip());
        } else if (message.startsWith("ran ")) {
            ran++;
        }
        if (enabled) {
            out.print("\r" + line());
            out.flush();
        }
    }

    /** Return the bar as it stands. */
    synchronized String line() {
        if (runs < 0) {
            return "Reading submissions: " + read;
        }
        int filled = runs == 0 ? WIDTH : (int) ((long) WIDTH * ran / runs);
        String bar = "#".repeat(filled) + "-".repeat(WIDTH - filled);
        if (color) {
            bar = "\u001b[32m" + "#".repeat(filled) + "\u001b[0m" + "-".repeat(WIDTH - filled);
        }
        return "Running programs [" + bar + "] " + ran + "/" + runs + " (" + read + " submissions)";
    }

    /** End the bar's line, so what follows starts on a fresh one. */
    synchronized void done() {
        if (enabled) {
            out.println();
            out.flush();
        }
    }
}
