package dev.grader.analyse.python;

import dev.grader.analyse.python.Model.Obj;

/** Find a thread that is started but never joined, or of which a loop joins only the last. */
final class ThreadNotJoinedRule extends NotJoinedRule {

    ThreadNotJoinedRule() {
        super("thread-not-joined", "Thread started but never joined",
                "Without join() nothing waits for the thread where the program needs its work: what it prints comes "
                        + "after what follows, what it computes is not there yet, and a daemon thread is stopped at "
                        + "exit with its work half done.",
                "Call join() on every thread you start, after starting all of them: keep the threads in a list and "
                        + "join them in a second loop.",
                "t = threading.Thread(target=work)\nt.start()   # never joined\n", true);
    }

    @Override
    String neverJoined(Obj o) {
        return "This thread is started but never joined: nothing waits for it to finish. Call join() on it once every "
                + "thread is started." + (o.daemon ? " As a daemon it is stopped when the program ends, with whatever "
                + "it had left to do." : "");
    }

    @Override
    String onlyTheLast(String loop) {
        return "Only the last thread made by the loop at " + loop + " is joined here; the others are never waited "
                + "for. Keep every thread in a list and join each of them.";
    }
}
