package dev.grader.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InterpreterTest {

    @Test
    void resolvesTheRealExecutableAndVersion() throws Exception {
        Interpreter py = Interpreter.probe("python3");
        assertTrue(py.version().matches("3\\.\\d+\\.\\d+"), py.version());
        assertTrue(Files.isExecutable(py.executable()), py.executable().toString());
        Interpreter again = Interpreter.probe(py.executable().toString());
        assertEquals(py.executable(), again.executable());
        assertTrue(py.describe().startsWith("Python 3."));
    }

    @Test
    void refusesAnInterpreterOlderThan38(@TempDir Path tmp) throws IOException {
        Path old = fake(tmp, "old", "echo /usr; echo /usr/bin/python3.7; echo 3.7.9");
        Interpreter.InterpreterException e = assertThrows(Interpreter.InterpreterException.class,
                () -> Interpreter.probe(old.toString()));
        assertTrue(e.getMessage().contains("is Python 3.7.9; the grader needs Python 3.8 or newer"), e.getMessage());
    }

    @Test
    void refusesSomethingThatIsNotPython(@TempDir Path tmp) throws IOException {
        Path notPython = fake(tmp, "notpython", "echo hello; exit 1");
        Interpreter.InterpreterException e = assertThrows(Interpreter.InterpreterException.class,
                () -> Interpreter.probe(notPython.toString()));
        assertTrue(e.getMessage().contains("is not a working Python interpreter"), e.getMessage());
        assertThrows(Interpreter.InterpreterException.class, () -> Interpreter.probe(tmp.resolve("absent").toString()));
    }

    private static Path fake(Path dir, String name, String body) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }
}
