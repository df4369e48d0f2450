import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

// Q5: works on a pool, but without the squares(List<Integer>) method the question asks for
class Q5 {
    public static void main(String[] args) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int i = 1; i <= 4; i++) {
            int n = i;
            pool.execute(() -> System.out.println(n * n));
        }
        pool.shutdown();
        pool.awaitTermination(5, TimeUnit.SECONDS);
    }
}

// Q6: each thread waits at a barrier for five parties, but only four ever come: the program never ends
class Q6 {
    public static void main(String[] args) throws InterruptedException {
        java.util.concurrent.CyclicBarrier barrier = new java.util.concurrent.CyclicBarrier(5);
        Thread[] threads = new Thread[4];
        for (int i = 0; i < 4; i++) {
            int n = i + 1;
            threads[i] = new Thread(() -> {
                System.out.println(n);
                try {
                    barrier.await();
                } catch (Exception e) {
                    Thread.currentThread().interrupt();
                }
            });
            threads[i].start();
        }
        for (Thread t : threads) {
            t.join();
        }
    }
}
