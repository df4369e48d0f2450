package dev.grader.judge.checks;

import dev.grader.analyse.Catalogue;
import dev.grader.analyse.Finding;
import dev.grader.analyse.RuleInfo;
import dev.grader.analyse.Severity;
import dev.grader.judge.CheckContext;
import dev.grader.judge.CheckResult;
import dev.grader.judge.CheckType;
import dev.grader.rubric.Param;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Decide {@code no_findings}: the misuse rules found nothing of the kinds listed in the answer's code. */
public final class NoFindingsCheck implements CheckType {

    @Override
    public String name() {
        return "no_findings";
    }

    @Override
    public String description() {
        return "Passes when the misuse rules (grader rules lists them) find nothing in the answer's code of the "
                + "listed rules (all when absent) at severity or worse. Needs code that compiles, not a run.";
    }

    @Override
    public List<Param> params() {
        return List.of(new Param("rules", Param.Type.CHOICES, List.of(), "The rules that count ('grader rules' lists them); all when absent.",
                        () -> Catalogue.all().stream().map(RuleInfo::id).collect(Collectors.toSet())),
                new Param("severity", Param.Type.CHOICE, "warning", "The least severity that counts.",
                        () -> Set.of("error", "warning", "info")));
    }

    @Override
    public Set<String> languages() {
        return Set.of("python", "java");
    }

    @Override
    public Needs needs() {
        return Needs.CODE;
    }

    @Override
    public CheckResult judge(CheckContext ctx) {
        Severity least = Severity.valueOf(ctx.text("severity").toUpperCase(Locale.ROOT));
        List<?> rules = ctx.check().params().get("rules") instanceof List<?> l ? l : List.of();
        List<String> evidence = new ArrayList<>();
        for (Finding f : ctx.findings()) {
            if (f.severity().atLeast(least) && (rules.isEmpty() || rules.contains(f.rule()))) {
                evidence.add(f.rule() + " at " + f.location() + ": " + f.message());
            }
        }
        return evidence.isEmpty() ? ctx.pass("No misuse found in the code.", List.of())
                : ctx.fail("The code has " + evidence.size() + " misuse finding" + (evidence.size() == 1 ? "" : "s")
                        + "; see below.", evidence);
    }
}
