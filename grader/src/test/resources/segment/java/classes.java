import java.util.concurrent.Executors;

class Q3 {
    public static void main(String[] args) throws InterruptedException {
        Worker w = new Worker();
        w.start();
        w.join();
    }
}

class Worker extends Thread {
    @Override
    public void run() {
        System.out.println("work");
    }
}

@SuppressWarnings("unused")
class Question5 {
    public static void main(String[] args) {
        Executors.newFixedThreadPool(4).shutdown();
    }
}

class Q6Threads {
    public static void main(String[] args) {
    }
}

public class Main {
    public static void main(String[] args) throws Exception {
        Q3.main(args);
        Question5.main(args);
        Q6Threads.main(args);
    }
}
