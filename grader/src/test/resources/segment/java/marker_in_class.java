public class Lab {
    // Q3
    static void q3() {
        new Thread(() -> System.out.println("hi")).start();
    }
}

// Q5
class Pool {
    public static void main(String[] args) {
    }
}
