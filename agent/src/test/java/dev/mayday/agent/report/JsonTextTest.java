package dev.mayday.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonTextTest {

    @Test
    void writesWhatGsonWrites() {
        JsonObject o = new JsonObject();
        o.addProperty("text", "quote \" backslash \\ tab \t nl \n cr \r bell \u0007 ls \u2028 <html>&'=é😀");
        o.addProperty("int", 42);
        o.addProperty("long", 1234567890123L);
        o.addProperty("double", 0.25);
        o.addProperty("yes", true);
        o.add("nothing", JsonNull.INSTANCE);
        JsonArray a = new JsonArray();
        a.add("x");
        a.add(new JsonObject());
        a.add(new JsonArray());
        o.add("list", a);
        String gson = new GsonBuilder().disableHtmlEscaping().serializeNulls().create().toJson(o);

        assertEquals(gson, new String(JsonText.bytes(o), StandardCharsets.UTF_8));
    }
}
