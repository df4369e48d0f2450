// Q1
class Main {
    public static void main(String[] args) throws InterruptedException {
        Thread t = new Thread(() -> System.out.println(java.util.List.of(1, 4, 9)));
        t.start();
        t.join();
    }
}
