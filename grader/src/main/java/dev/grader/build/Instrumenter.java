package dev.grader.build;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntBiFunction;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rewrite a student's compiled classes so that each call that starts, joins or runs a thread, makes or uses an
 * executor, or starts or waits for a child process goes through {@code dev.grader.jrt.Hooks}, with the program
 * line of the call; each hook records the call and then makes it. Only bytes are read and written here: the
 * classes themselves run in the sandboxed JVM.
 *
 * <p>The rewritten calls leave the operand stack as the original ones did, so the classes' stack map frames
 * stay valid.
 */
public final class Instrumenter {

    private static final String HOOKS = "dev/grader/jrt/Hooks";
    private static final String THREAD = "java/lang/Thread";
    private static final String EXECUTOR = "Ljava/util/concurrent/Executor;";
    private static final String SERVICE = "Ljava/util/concurrent/ExecutorService;";
    private static final Set<String> EXECUTOR_TYPES = Set.of("java/util/concurrent/Executor",
            "java/util/concurrent/ExecutorService", "java/util/concurrent/ScheduledExecutorService",
            "java/util/concurrent/AbstractExecutorService", "java/util/concurrent/ThreadPoolExecutor",
            "java/util/concurrent/ScheduledThreadPoolExecutor", "java/util/concurrent/ForkJoinPool");
    private static final Set<String> EXECUTOR_CLASSES = Set.of("java/util/concurrent/ThreadPoolExecutor",
            "java/util/concurrent/ScheduledThreadPoolExecutor", "java/util/concurrent/ForkJoinPool");
    /** Executor methods with a hook: name and descriptor to the hook's receiver type. */
    private static final Map<String, String> EXECUTOR_CALLS = Map.ofEntries(
            Map.entry("execute(Ljava/lang/Runnable;)V", EXECUTOR),
            Map.entry("submit(Ljava/lang/Runnable;)Ljava/util/concurrent/Future;", SERVICE),
            Map.entry("submit(Ljava/lang/Runnable;Ljava/lang/Object;)Ljava/util/concurrent/Future;", SERVICE),
            Map.entry("submit(Ljava/util/concurrent/Callable;)Ljava/util/concurrent/Future;", SERVICE),
            Map.entry("invokeAll(Ljava/util/Collection;)Ljava/util/List;", SERVICE),
            Map.entry("invokeAll(Ljava/util/Collection;JLjava/util/concurrent/TimeUnit;)Ljava/util/List;", SERVICE),
            Map.entry("invokeAny(Ljava/util/Collection;)Ljava/lang/Object;", SERVICE),
            Map.entry("invokeAny(Ljava/util/Collection;JLjava/util/concurrent/TimeUnit;)Ljava/lang/Object;", SERVICE),
            Map.entry("shutdown()V", SERVICE),
            Map.entry("shutdownNow()Ljava/util/List;", SERVICE),
            Map.entry("awaitTermination(JLjava/util/concurrent/TimeUnit;)Z", SERVICE),
            Map.entry("close()V", "Ljava/lang/Object;"));
    private static final Set<String> THREAD_CALLS = Set.of("start()V", "join()V", "join(J)V", "join(JI)V", "run()V");

    private final Map<String, String> superOf = new HashMap<>();

    /**
     * Make an instrumenter for one program.
     *
     * @param classes every class file of the program, by path, to know which classes extend Thread
     */
    public Instrumenter(Map<String, byte[]> classes) {
        for (byte[] b : classes.values()) {
            ClassReader r = new ClassReader(b);
            superOf.put(r.getClassName(), r.getSuperName());
        }
    }

    /**
     * Rewrite one class.
     *
     * @param classFile the class file
     * @param lines maps a source file name and its line to the program line reports use
     * @return the rewritten class file
     */
    public byte[] instrument(byte[] classFile, ToIntBiFunction<String, Integer> lines) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            private String source = "";

            @Override
            public void visitSource(String file, String debug) {
                source = file == null ? "" : file;
                super.visitSource(file, debug);
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
                return new Calls(mv, source, lines);
            }
        }, 0);
        return writer.toByteArray();
    }

    private boolean extendsType(String type, String ancestor) {
        for (String t = type; t != null; t = superOf.get(t)) {
            if (t.equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    private boolean executorType(String owner) {
        if (EXECUTOR_TYPES.contains(owner)) {
            return true;
        }
        for (String c : EXECUTOR_CLASSES) {
            if (extendsType(owner, c)) {
                return true;
            }
        }
        return false;
    }

    /** Rewrite the calls of one method. */
    private final class Calls extends MethodVisitor {
        private final String source;
        private final ToIntBiFunction<String, Integer> lines;
        private final Deque<String> made = new ArrayDeque<>();
        private int line;

        Calls(MethodVisitor mv, String source, ToIntBiFunction<String, Integer> lines) {
            super(Opcodes.ASM9, mv);
            this.source = source;
            this.lines = lines;
        }

        @Override
        public void visitLineNumber(int number, Label start) {
            line = number;
            super.visitLineNumber(number, start);
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            if (opcode == Opcodes.NEW) {
                made.push(type);
            }
            super.visitTypeInsn(opcode, type);
        }

        private void pushLine() {
            super.visitLdcInsn(lines.applyAsInt(source, line));
        }

        private void hook(String name, String descriptor) {
            super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, name, descriptor, false);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean itf) {
            String call = name + descriptor;
            if (opcode == Opcodes.INVOKESPECIAL && name.equals("<init>")) {
                boolean isNew = !made.isEmpty() && made.peek().equals(owner);
                if (isNew) {
                    made.pop();
                }
                super.visitMethodInsn(opcode, owner, name, descriptor, itf);
                if (isNew && extendsType(owner, THREAD)) {
                    super.visitInsn(Opcodes.DUP);
                    pushLine();
                    hook("threadNew", "(Ljava/lang/Object;I)V");
                } else if (isNew && executorType(owner)) {
                    super.visitInsn(Opcodes.DUP);
                    super.visitLdcInsn("new " + owner.substring(owner.lastIndexOf('/') + 1));
                    pushLine();
                    hook("executorNew", "(Ljava/lang/Object;Ljava/lang/String;I)V");
                }
                return;
            }
            if (opcode == Opcodes.INVOKESTATIC && owner.equals("java/util/concurrent/Executors")
                    && name.startsWith("new") && descriptor.endsWith("ExecutorService;")) {
                super.visitMethodInsn(opcode, owner, name, descriptor, itf);
                super.visitInsn(Opcodes.DUP);
                super.visitLdcInsn("Executors." + name);
                pushLine();
                hook("executorNew", "(Ljava/lang/Object;Ljava/lang/String;I)V");
                return;
            }
            if (opcode == Opcodes.INVOKEVIRTUAL && THREAD_CALLS.contains(call) && extendsType(owner, THREAD)) {
                pushLine();
                hook(name, "(Ljava/lang/Thread;" + descriptor.substring(1, descriptor.indexOf(')')) + "I)V");
                return;
            }
            if ((opcode == Opcodes.INVOKEVIRTUAL || opcode == Opcodes.INVOKEINTERFACE) && EXECUTOR_CALLS.containsKey(call)
                    && executorType(owner)) {
                pushLine();
                String args = descriptor.substring(1, descriptor.indexOf(')'));
                hook(name, "(" + EXECUTOR_CALLS.get(call) + args + "I)" + descriptor.substring(descriptor.indexOf(')') + 1));
                return;
            }
            if (opcode == Opcodes.INVOKEVIRTUAL && (owner.equals("java/lang/ProcessBuilder") && call.equals(
                    "start()Ljava/lang/Process;") || owner.equals("java/lang/Runtime") && name.equals("exec"))) {
                super.visitMethodInsn(opcode, owner, name, descriptor, itf);
                super.visitInsn(Opcodes.DUP);
                super.visitLdcInsn(owner.equals("java/lang/Runtime") ? "Runtime.exec" : "ProcessBuilder.start");
                pushLine();
                hook("processNew", "(Ljava/lang/Object;Ljava/lang/String;I)V");
                return;
            }
            if (opcode == Opcodes.INVOKEVIRTUAL && owner.equals("java/lang/Process") && (call.equals("waitFor()I")
                    || call.equals("waitFor(JLjava/util/concurrent/TimeUnit;)Z"))) {
                pushLine();
                String args = descriptor.substring(1, descriptor.indexOf(')'));
                hook("waitFor", "(Ljava/lang/Process;" + args + "I)" + descriptor.substring(descriptor.indexOf(')') + 1));
                return;
            }
            super.visitMethodInsn(opcode, owner, name, descriptor, itf);
        }
    }
}
