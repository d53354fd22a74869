package demo.servers;

import java.util.Map;

/** What the test servers do with themselves, the same for Jetty and Tomcat (see {@link JettyServer}). */
final class Scenario {

    private Scenario() {
    }

    static void run(Client client, String[] args) throws Exception {
        int failing = Integer.parseInt(args[0]);
        client.many("/orders/42?token=s3cret", failing);
        System.out.println("then GET /ok: " + client.get("/ok"));
        if (args.length >= 3 && args[1].matches("[0-9]+")) {
            Thread.sleep(Long.parseLong(args[1]));
            client.many("/orders/43", Integer.parseInt(args[2]));
            System.out.println("again GET /ok: " + client.get("/ok"));
        }
        for (String a : args) {
            if (a.equals("caught")) {
                System.out.println("GET /caught: " + client.get("/caught"));
            } else if (a.equals("denied")) {
                System.out.println("GET /denied: " + client.get("/denied"));
            } else if (a.startsWith("linger=")) {
                Thread.sleep(Long.parseLong(a.substring("linger=".length())));
                System.out.println("still serving, GET /ok: " + client.get("/ok"));
            }
        }
    }

    /** The stock of the order's shop: none, for every shop (the bug). */
    static Map<String, Integer> stockFor(String path) {
        return path.isEmpty() ? Map.of() : null;
    }
}
