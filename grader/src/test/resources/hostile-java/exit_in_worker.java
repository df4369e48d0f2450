// Q3: a thread ends the whole JVM before main joins it
class Q3 {
    public static void main(String[] args) throws InterruptedException {
        Thread t = new Thread(() -> System.exit(3));
        t.start();
        t.join();
        System.out.println("never printed");
    }
}
