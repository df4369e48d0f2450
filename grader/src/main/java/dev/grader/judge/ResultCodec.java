package dev.grader.judge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turn results into JSON and back, losslessly: the form shards hand to {@code merge} and the incremental cache
 * keeps. (results.json is the documented report; this is the grader's own exchange format, versioned.)
 */
public final class ResultCodec {

    /** The version of this format; a file of another version is not read. */
    public static final int FORMAT = 1;

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private ResultCodec() {
    }

    /** Return one submission's result as JSON. */
    public static String write(SubmissionResult s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a result could not be written as JSON: " + e.getMessage(), e);
        }
    }

    /** Read one submission's result; throws {@link IllegalArgumentException} when the text is not one. */
    public static SubmissionResult readSubmission(String json) {
        try {
            return JSON.readValue(json, SubmissionResult.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a submission result: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Return a whole batch as JSON, with the shard it is ({@code "0/1"} for a whole batch).
     *
     * @param batch the results
     * @param shard {@code i/n}
     * @param total how many submissions the whole batch has, over every shard
     */
    public static String write(BatchResult batch, String shard, int total) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("shard", shard);
        root.put("total", total);
        root.put("assignment", batch.assignment());
        root.put("rubric_title", batch.rubricTitle());
        root.put("rubric_version", batch.rubricVersion());
        root.put("rubric_source", batch.rubricSource());
        root.put("grader_version", batch.graderVersion());
        root.put("isolation", batch.isolation());
        root.put("python", batch.python());
        root.put("graded_at", batch.gradedAt().toString());
        root.set("submissions", JSON.valueToTree(batch.submissions()));
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a batch could not be written as JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Hold a batch read back with the shard it is.
     *
     * @param batch the results
     * @param shard index of the shard, from 0
     * @param shards how many shards the batch was cut into
     * @param total how many submissions the whole batch has
     */
    public record Shard(BatchResult batch, int shard, int shards, int total) {}

    /** Read a batch written by {@link #write(BatchResult, String, int)}; throws IllegalArgumentException saying why not. */
    public static Shard readBatch(String json) {
        try {
            JsonNode root = JSON.readTree(json);
            if (root == null || root.path("format").asInt() != FORMAT) {
                throw new IllegalArgumentException("not a grader batch of format " + FORMAT);
            }
            String[] shard = root.path("shard").asText("0/1").split("/");
            List<SubmissionResult> subs = new ArrayList<>();
            for (JsonNode s : root.path("submissions")) {
                subs.add(JSON.treeToValue(s, SubmissionResult.class));
            }
            BatchResult b = new BatchResult(root.path("assignment").asText(), root.path("rubric_title").asText(),
                    root.path("rubric_version").asText(), root.path("rubric_source").asText(),
                    root.path("grader_version").asText(), root.path("isolation").asText(), root.path("python").asText(),
                    Instant.parse(root.path("graded_at").asText()), subs);
            return new Shard(b, Integer.parseInt(shard[0]), Integer.parseInt(shard[1]), root.path("total").asInt());
        } catch (JsonProcessingException | DateTimeParseException | NumberFormatException
                | ArrayIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("not a grader batch: " + e.getMessage(), e);
        }
    }
}
