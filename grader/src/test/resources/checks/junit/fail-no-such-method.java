// Q1
// evidence: compile
class Squares {
    public static void main(String[] args) {
        System.out.println("1 4 9");
    }
}
