import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

// four threads that each print their number, and a pool left running
class FourThreads {
    public static void main(String[] args) throws InterruptedException {
        Thread[] threads = new Thread[4];
        for (int i = 0; i < 4; i++) {
            int n = i + 1;
            threads[i] = new Thread(() -> System.out.println("thread " + n));
            threads[i].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        pool.submit(() -> System.out.println("task"));
    }
}
