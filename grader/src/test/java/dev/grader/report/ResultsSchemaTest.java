package dev.grader.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Validate results.json against the documented schema, docs/results.schema.json, and show it can fail. */
public class ResultsSchemaTest {

    private static Schema schema() throws IOException {
        return SchemaRegistry.withDefaultDialect(Dialects.getDraft202012())
                .getSchema(Files.readString(Path.of("../docs/results.schema.json")), InputFormat.JSON);
    }

    /** Return what in a results.json file breaks the schema; empty when it follows it. */
    public static List<Error> errors(Path resultsJson) throws IOException {
        return schema().validate(Files.readString(resultsJson), InputFormat.JSON);
    }

    @Test
    void resultsJsonFollowsItsSchema(@TempDir Path out) throws IOException {
        new ReportWriter(null).write(ReportWriterTest.batch(), out);
        List<Error> errors = schema().validate(Files.readString(out.resolve("results.json")), InputFormat.JSON);
        assertEquals(List.of(), errors);
    }

    @Test
    void theSchemaRejectsWhatItDoesNotDescribe(@TempDir Path out) throws IOException {
        new ReportWriter(null).write(ReportWriterTest.batch(), out);
        String changed = Files.readString(out.resolve("results.json")).replace("\"status\" : \"graded\"",
                "\"status\" : \"perfect\"");
        assertFalse(schema().validate(changed, InputFormat.JSON).isEmpty());
    }
}
