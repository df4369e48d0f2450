// Q3
class Worker extends Thread {
    @Override
    public void run() {
        System.out.println("worker done");
    }
}

class Question3 {
    public static void main(String[] args) {
        Worker w = new Worker();
        w.start();
        System.out.println("main done");
    }
}

// Q6: every thread prints the same number
class Question6 {
    public static void main(String[] args) throws InterruptedException {
        Thread[] ts = new Thread[4];
        for (int i = 0; i < ts.length; i++) {
            ts[i] = new Thread(() -> System.out.println(7));
            ts[i].start();
        }
        for (Thread t : ts) {
            t.join();
        }
    }
}

// Q5: the squares come back sorted, not in the order of the input
class Q5 {
    static java.util.List<Integer> squares(java.util.List<Integer> numbers) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        java.util.Set<Integer> done = new java.util.concurrent.ConcurrentSkipListSet<>();
        for (int n : numbers) {
            pool.submit(() -> done.add(n * n));
        }
        pool.shutdown();
        pool.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        return new java.util.ArrayList<>(done);
    }

    public static void main(String[] args) throws Exception {
        System.out.println(squares(java.util.List.of(3, 1, 2)));
    }
}
