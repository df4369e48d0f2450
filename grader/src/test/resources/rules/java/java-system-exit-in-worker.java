// Fixture for java-system-exit-in-worker.
// case: exit inside a thread's lambda and inside run()
class A extends Thread {
    public void run() {
        System.exit(1); // expect: java-system-exit-in-worker
    }

    public static void main(String[] args) throws InterruptedException {
        Thread t = new Thread(() -> {
            System.out.println(1);
            System.exit(0); // expect: java-system-exit-in-worker
        });
        t.start();
        t.join();
        A a = new A();
        a.start();
        a.join();
    }
}
// case: exit in main is fine
class B {
    public static void main(String[] args) {
        if (args.length > 5) {
            System.exit(2);
        }
    }
}
