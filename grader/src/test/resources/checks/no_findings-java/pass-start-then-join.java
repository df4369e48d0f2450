// Q1
class Main {
    public static void main(String[] args) throws InterruptedException {
        Thread t = new Thread(() -> System.out.println("x"));
        t.start();
        t.join();
    }
}
