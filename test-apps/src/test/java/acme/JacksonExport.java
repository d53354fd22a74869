package acme;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/** A program that exports a too deeply nested tree; its own code wraps Jackson's failure. */
public final class JacksonExport {

    private JacksonExport() {
    }

    public static void main(String[] args) {
        System.out.println(export(nested(args.length > 0 ? Integer.parseInt(args[0]) : 50)));
    }

    static String export(Object tree) {
        JsonFactory factory = JsonFactory.builder()
                .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(10).build()).build();
        try {
            return new ObjectMapper(factory).writeValueAsString(tree);
        } catch (Exception e) {
            throw new RuntimeException("export failed", e);
        }
    }

    private static Object nested(int depth) {
        List<Object> root = new ArrayList<>();
        List<Object> at = root;
        for (int i = 0; i < depth; i++) {
            List<Object> next = new ArrayList<>();
            at.add(next);
            at = next;
        }
        return root;
    }
}
