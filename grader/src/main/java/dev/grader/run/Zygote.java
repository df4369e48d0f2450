package dev.grader.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Talk to a warm interpreter that forks each run, already sandboxed, instead of starting one per run: one request
 * a line on its stdin, one answer a line on its stdout (see {@code _grader_zygote.py}). Thread-safe: every worker
 * of the pool sends its runs through the same zygote.
 */
final class Zygote implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final OutputStream requests;
    private final Map<String, Launch> launches = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final CompletableFuture<Long> ready = new CompletableFuture<>();

    private Zygote(Process process) {
        this.process = process;
        this.requests = process.getOutputStream();
        Thread reader = new Thread(this::read, "grader-zygote");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Start a zygote, or return null when it does not come up within a few seconds.
     *
     * @param command the command that starts it
     * @param environment its whole environment
     */
    static Zygote start(List<String> command, Map<String, String> environment) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command);
            pb.environment().clear();
            pb.environment().putAll(environment);
            pb.redirectError(ProcessBuilder.Redirect.DISCARD);
            Zygote z = new Zygote(pb.start());
            z.ready.get(10, TimeUnit.SECONDS);
            return z;
        } catch (IOException | ExecutionException | TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Read the zygote's answers and hand each to the run it is about; when it ends, every run it had ends too. */
    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                JsonNode m = JSON.readTree(line);
                if (m.has("ready")) {
                    ready.complete(m.get("ready").asLong());
                    continue;
                }
                Launch l = launches.get(m.path("id").asText());
                if (l == null) {
                    continue;
                }
                if (m.has("pid")) {
                    l.pid.complete(m.get("pid").asLong());
                }
                if (m.has("exit")) {
                    launches.remove(m.path("id").asText());
                    l.exit.complete(m.get("exit").asInt());
                }
            }
        } catch (IOException e) {
            // the zygote ended: what it had running is reported below
        }
        ready.completeExceptionally(new IOException("the zygote ended"));
        for (Launch l : launches.values()) {
            l.pid.complete(-1L);
            l.exit.complete(-1);
        }
        launches.clear();
    }

    /** Fork one run as the request describes it; the launch says its keeper's pid and, later, its exit code. */
    Launch launch(Map<String, Object> request) throws IOException {
        String id = Long.toString(ids.incrementAndGet());
        Launch l = new Launch(this, id);
        launches.put(id, l);
        Map<String, Object> withId = new LinkedHashMap<>(request);
        withId.put("id", id);
        send(withId);
        if (!process.isAlive()) {
            launches.remove(id);
            throw new IOException("the zygote is not running");
        }
        return l;
    }

    private void send(Map<String, Object> message) throws IOException {
        byte[] line;
        try {
            line = (JSON.writeValueAsString(message) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IOException(e);
        }
        synchronized (requests) {
            requests.write(line);
            requests.flush();
        }
    }

    /** Return whether the zygote still runs. */
    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        try {
            requests.close();
        } catch (IOException e) {
            // it is ending anyway
        }
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** Follow one forked run: the pid of its keeper (killing it ends the run's namespace) and its exit code. */
    static final class Launch {
        final CompletableFuture<Long> pid = new CompletableFuture<>();
        final CompletableFuture<Integer> exit = new CompletableFuture<>();
        private final Zygote zygote;
        private final String id;

        Launch(Zygote zygote, String id) {
            this.zygote = zygote;
            this.id = id;
        }

        /** Wait for the run to end; true when it did within the time. */
        boolean waitFor(long millis) throws InterruptedException {
            try {
                exit.get(millis, TimeUnit.MILLISECONDS);
                return true;
            } catch (TimeoutException e) {
                return false;
            } catch (ExecutionException e) {
                return true;
            }
        }

        /** Kill the run: its keeper, and with it the namespace's first process and everything in the namespace. */
        void kill() {
            // the zygote kills it, and only while it has not reaped it: a pid killed from here could by then be
            // another process's
            if (!exit.isDone()) {
                try {
                    zygote.send(Map.of("kill", id));
                } catch (IOException e) {
                    // the zygote is gone, and its runs with it
                }
            }
        }
    }
}
