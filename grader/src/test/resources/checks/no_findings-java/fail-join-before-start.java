// Q1
// evidence: java-join-before-start
class Main {
    public static void main(String[] args) throws InterruptedException {
        Thread t = new Thread(() -> System.out.println("x"));
        t.join();
        t.start();
    }
}
