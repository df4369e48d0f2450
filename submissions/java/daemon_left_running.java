// Q3: waits only 100 ms for a daemon thread that works for 5 s: the JVM stops it at exit
class Q3 {
    public static void main(String[] args) throws InterruptedException {
        Thread t = new Thread(() -> {
            System.out.println("started");
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                return;
            }
            System.out.println("never printed");
        });
        t.setDaemon(true);
        t.start();
        t.join(100);
        System.out.println("main done");
    }
}
