import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

class Q3 {
    public static void main(String[] args) throws InterruptedException {
        Thread t = new Thread(() -> System.out.println("working"));
        t.run();
        t.join();
    }
}

class Q5 {
    static List<Integer> squares(List<Integer> numbers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> futures = numbers.stream().map(n -> pool.submit(() -> n * n)).collect(Collectors.toList());
        pool.shutdown();
        List<Integer> out = new java.util.ArrayList<>();
        for (Future<Integer> f : futures) {
            out.add(f.get());
        }
        return out;
    }

    public static void main(String[] args) throws Exception {
        System.out.println(squares(List.of(1, 2, 3)));
    }
}

class Q6 {
    public static void main(String[] args) throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            int n = i;
            Thread t = new Thread(() -> System.out.println(n));
            t.start();
            t.join();
        }
    }
}
