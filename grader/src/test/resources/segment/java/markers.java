import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

// Q3
class Q3 {
    public static void main(String[] args) {
        new Thread(() -> System.out.println("hi")).start();
    }
}

/* ===== Question 5 ===== */
class Q5 {
    public static void main(String[] args) {
        ExecutorService pool = Executors.newFixedThreadPool(4);
    }
}
// Q6
class Q6 {
}
