public class Q3 {
    /** A thread of its own kind: extends Thread and overrides run(). */
    static class Greeter extends Thread {
        @Override
        public void run() {
            System.out.println(Messages.greeting(getName()));
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Greeter g = new Greeter();
        g.start();
        g.join();
    }
}
