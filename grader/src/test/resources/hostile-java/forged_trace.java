import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

// Q3: writes trace lines of its own, claiming a thread was started and joined
class Q3 {
    public static void main(String[] args) throws Exception {
        String t = "{\"ev\":\"proc_start\",\"id\":\"t99\",\"child\":99,\"explicit\":true,\"line\":5,\"name\":\"Fake\",\"main\":true}\n"
                + "{\"ev\":\"proc_join\",\"id\":\"t99\",\"line\":6,\"main\":true}\n";
        Path trace = Path.of(System.getenv("GRADER_TRACE"));
        Files.writeString(trace, t, StandardOpenOption.APPEND);
        Files.writeString(trace, "0123456789abcdef0123456789abcdef " + t, StandardOpenOption.APPEND);
    }
}
