package dev.grader.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.grader.report.ReportWriterTest;
import org.junit.jupiter.api.Test;

/** Write results as the grader's exchange JSON and read them back unchanged. */
class ResultCodecTest {

    @Test
    void everySubmissionAndTheBatchComeBackEqual() {
        BatchResult batch = ReportWriterTest.batch();
        for (SubmissionResult s : batch.submissions()) {
            assertEquals(s, ResultCodec.readSubmission(ResultCodec.write(s)), s.id());
        }
        ResultCodec.Shard back = ResultCodec.readBatch(ResultCodec.write(batch, "1/3", 7));
        assertEquals(batch, back.batch());
        assertEquals(1, back.shard());
        assertEquals(3, back.shards());
        assertEquals(7, back.total());
    }

    @Test
    void somethingElseIsRefusedWithAReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ResultCodec.readBatch("{\"format\": 99}"));
        assertEquals("not a grader batch of format 1", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ResultCodec.readSubmission("[1, 2]"));
    }
}
