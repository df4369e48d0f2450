import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

public class Q5 {
    static List<Integer> squares(List<Integer> numbers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int n : numbers) {
            tasks.add(() -> n * n);
        }
        List<Integer> out = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(tasks)) {
            out.add(f.get());
        }
        pool.shutdown();
        pool.awaitTermination(5, TimeUnit.SECONDS);
        return out;
    }

    public static void main(String[] args) throws Exception {
        System.out.println(squares(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10)));
    }
}
