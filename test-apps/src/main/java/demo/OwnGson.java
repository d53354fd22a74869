package demo;

import com.google.gson.Gson;
import java.util.Map;

/** Uses its own Gson (another version than Mayday's) and then crashes in its main loop. */
public class OwnGson {
    public static void main(String[] args) {
        Gson gson = new Gson();
        System.out.println("gson from " + Gson.class.getProtectionDomain().getCodeSource().getLocation());
        System.out.println("json " + gson.toJson(Map.of("level", 3)));
        run(gson);
    }

    public static void run(Gson gson) {
        gson.fromJson("{not json", Map.class);
    }
}
