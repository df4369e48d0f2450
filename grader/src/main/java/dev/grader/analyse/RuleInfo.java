package dev.grader.analyse;

/**
 * Describe one misuse rule of the catalogue.
 *
 * @param id the stable id, e.g. {@code process-not-joined}
 * @param language {@code python} or {@code java}
 * @param severity the severity of its findings
 * @param summary one line saying what it finds
 * @param why why the mistake matters
 * @param fix how to fix it
 * @param example a short piece of code where it fires
 */
public record RuleInfo(String id, String language, Severity severity, String summary, String why, String fix,
        String example) {}
