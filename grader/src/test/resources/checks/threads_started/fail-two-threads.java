// Q1
class Main {
    public static void main(String[] args) throws InterruptedException {
        Thread a = new Thread(() -> System.out.println(1));
        Thread b = new Thread(() -> System.out.println(2));
        a.start();
        b.start();
        a.join();
        b.join();
    }
}
