package dev.grader.cli;

/** Start the grader from the command line. */
public final class Main {

    private Main() {}

    /** Run the command line and exit with its code. */
    public static void main(String[] args) {
        System.exit(0);
    }
}
