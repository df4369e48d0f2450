// Correct Java solutions in the styles students use: no rule may fire.
// case: four threads in an array, started then joined
class A {
    public static void main(String[] args) throws InterruptedException {
        Thread[] threads = new Thread[4];
        for (int i = 0; i < 4; i++) {
            int n = i + 1;
            threads[i] = new Thread(() -> System.out.println("number " + n));
        }
        for (Thread t : threads) {
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
    }
}
// case: an executor with invokeAll, shut down and awaited
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

class B {
    public static void main(String[] args) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Callable<Integer>> tasks = List.of(() -> 1, () -> 4, () -> 9);
        for (Future<Integer> f : pool.invokeAll(tasks)) {
            System.out.println(f.get());
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }
}
// case: a child process whose output is read
import java.io.BufferedReader;
import java.io.InputStreamReader;

class C {
    public static void main(String[] args) throws Exception {
        Process p = new ProcessBuilder("java", "-version").redirectErrorStream(true).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
            r.lines().forEach(System.out::println);
        }
        System.out.println(p.waitFor());
    }
}
