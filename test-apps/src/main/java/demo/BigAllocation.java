package demo;

import java.util.ArrayList;
import java.util.List;

/** A main loop that keeps 200,000 orders, then asks for one array far bigger than the heap (-Xmx64m). */
public class BigAllocation {
    static final List<Order> ORDERS = new ArrayList<>();

    static final class Order {
        final int id;

        Order(int id) {
            this.id = id;
        }
    }

    public static long[] load() {
        for (int i = 0; i < 200_000; i++) {
            ORDERS.add(new Order(i));
        }
        return new long[200_000_000];
    }

    public static void main(String[] args) {
        System.out.println(load().length);
    }
}
