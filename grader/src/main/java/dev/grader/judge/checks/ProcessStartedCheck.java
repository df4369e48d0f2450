package dev.grader.judge.checks;

import dev.grader.run.Trace;
import java.util.Set;

/** Decide {@code process_started}. */
public final class ProcessStartedCheck extends StartedCheck {

    /** Make the check. */
    public ProcessStartedCheck() {
        super("no multiprocessing.Process was created",
                "only pool workers ran: no Process was created by the answer", Trace::withoutThreads, "process");
    }

    @Override
    public String name() {
        return "process_started";
    }

    @Override
    public String description() {
        return "Passes when the answer created a multiprocessing.Process and called start() on it (a pool's workers "
                + "are not the answer's own); names each process with its target and the line it was started at.";
    }

    @Override
    public Set<String> languages() {
        return Set.of("python");
    }
}
