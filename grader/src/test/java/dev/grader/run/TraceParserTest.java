package dev.grader.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Read tracer lines into a trace whose ids do not depend on pids, and keep bad lines as problems. */
class TraceParserTest {

    @Test
    void badLinesBecomeProblemsAndTheRestIsRead() {
        String text = String.join("\n",
                "{\"ev\": \"proc_new\", \"id\": \"10-1\", \"name\": \"Process-1\", \"target\": \"f\", \"line\": 3, \"pid\": 10}",
                "not json",
                "[1, 2]",
                "{\"ev\": \"mystery\", \"pid\": 10}",
                "{\"ev\": \"proc_start\", \"id\": \"10-1\", \"child\": 11, \"line\": 4, \"explicit\": true, \"pid\": 10}",
                "{\"ev\": \"proc_terminate\", \"id\": \"10-1\", \"line\": 0, \"pid\": 10}",
                "{\"ev\": \"pool_new\", \"id\": \"p\", \"kind\": \"Pool\", \"line\": 6, \"size\": 2, \"workers\": [12, 13], \"pid\": 10}",
                "{\"ev\": \"pool_terminate\", \"id\": \"p\", \"line\": 8, \"pid\": 10}",
                "{\"ev\": \"pool_shutdown\", \"id\": \"p\", \"line\": 9, \"pid\": 10}",
                "{\"ev\": \"pool_join\", \"id\": \"p\", \"line\": 10, \"pid\": 10}",
                "{\"ev\": \"unit_start\", \"unit\": \"11:1\", \"kind\": \"process\", \"owner\": \"10-1\", \"func\": \"f\", \"args\": \"1\", \"pid\": 11}",
                "{\"ev\": \"out\", \"unit\": \"11:1\", \"stream\": \"stderr\", \"text\": \"warn\", \"pid\": 11}",
                "{\"ev\": \"out\", \"unit\": null, \"stream\": \"stdout\", \"text\": \"stray\", \"pid\": 11}",
                "{\"ev\": \"unit_end\", \"unit\": \"11:1\", \"error\": \"ValueError: x\", \"pid\": 11}");
        Trace t = TraceParser.parse(text, 10);
        assertEquals(3, t.problems().size(), t.problems().toString());
        assertTrue(t.problems().get(2).contains("unknown event 'mystery'"));
        Trace.ProcessRecord p = t.processes().get(0);
        assertEquals(List.of("process-1", 11, 4, -1), List.of(p.id(), p.pid(), p.startLine(), p.terminateLine()));
        Trace.PoolRecord pool = t.pools().get(0);
        assertEquals(List.of(8, 9, 10), List.of(pool.terminateLine(), pool.shutdownLine(), pool.joinLine()));
        assertEquals(List.of(12, 13), pool.workerPids());
        Trace.Unit u = t.units().get(0);
        assertEquals("process-1", u.id());
        assertEquals("warn", u.stderr());
        assertEquals("ValueError: x", u.error());
        assertTrue(u.finished());
        assertEquals("", t.mainOutput());
    }

    @Test
    void taskIdsFollowWhatTheTasksAreNotWhichWorkerRanThem() {
        String a = "{\"ev\": \"unit_start\", \"unit\": \"21:1\", \"kind\": \"task\", \"func\": \"f\", \"args\": \"2\", \"pid\": 21}\n"
                + "{\"ev\": \"unit_start\", \"unit\": \"22:1\", \"kind\": \"task\", \"func\": \"f\", \"args\": \"1\", \"pid\": 22}\n";
        String b = "{\"ev\": \"unit_start\", \"unit\": \"31:1\", \"kind\": \"task\", \"func\": \"f\", \"args\": \"1\", \"pid\": 31}\n"
                + "{\"ev\": \"unit_start\", \"unit\": \"31:2\", \"kind\": \"task\", \"func\": \"f\", \"args\": \"2\", \"pid\": 31}\n";
        List<String> first = TraceParser.parse(a, 20).units().stream().map(u -> u.id() + "=" + u.argument()).toList();
        List<String> second = TraceParser.parse(b, 30).units().stream().map(u -> u.id() + "=" + u.argument()).toList();
        assertEquals(List.of("task-1=1", "task-2=2"), first);
        assertEquals(first, second);
    }
}
