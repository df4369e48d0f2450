package dev.grader.analyse.python;

import dev.grader.analyse.python.Model.Obj;

/** Find a process that is started but never joined, or of which a loop joins only the last. */
final class ProcessNotJoinedRule extends NotJoinedRule {

    ProcessNotJoinedRule() {
        super("process-not-joined", "Process started but never joined",
                "Without join() the parent does not wait for the child: its output can come after the parent's, or "
                        + "be lost when the program ends, and the child is left a zombie until the parent exits.",
                "Call join() on every process you start, after starting all of them: keep the processes in a list "
                        + "and join them in a second loop.",
                "p = multiprocessing.Process(target=work)\np.start()   # never joined\n", false);
    }

    @Override
    String neverJoined(Obj o) {
        return "This process is started but never joined: the parent does not wait for it to finish. Call join() "
                + "on it after starting it." + (o.daemon ? " As a daemon it is killed when the parent ends, with "
                + "whatever it had left to print." : "");
    }

    @Override
    String onlyTheLast(String loop) {
        return "Only the last process made by the loop at " + loop + " is joined here; the others are never waited "
                + "for. Keep every process in a list and join each of them.";
    }
}
