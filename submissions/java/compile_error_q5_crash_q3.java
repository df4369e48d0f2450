import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

// Q3
class Q3 {
    public static void main(String[] args) throws Exception {
        Thread t = new Thread(() -> {
            throw new IllegalStateException("the worker failed");
        });
        t.start();
        t.join();
        int[] counts = new int[2];
        System.out.println(counts[2]);
    }
}

// Q5
class Q5 {
    static List<Integer> squares(List<Integer> numbers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        ConcurrentLinkedQueue<Integer> done = new ConcurrentLinkedQueue<>();
        for (int n : numbers) {
            pool.execute(() -> done.add(n * n));
        }
        pool.shutdown();
        pool.awaitTermination(5, TimeUnit.SECONDS)
        return List.copyOf(done);
    }

    public static void main(String[] args) throws Exception {
        System.out.println(squares(List.of(1, 2, 3)));
    }
}

// Q6
class Q6 {
    public static void main(String[] args) throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            int n = i;
            new Thread(() -> System.out.println(n)).start();
        }
    }
}
