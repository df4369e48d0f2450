// Q1
class Main {
    public static void main(String[] args) {
        System.out.println("hello");
    }
}
