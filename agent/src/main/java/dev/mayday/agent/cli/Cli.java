package dev.mayday.agent.cli;

import java.io.PrintStream;

/**
 * {@code java -jar mayday-agent.jar COMMAND}: the commands of the SPEC. Exit status 0 when the
 * command did its work, 1 when it failed (one line says why), 2 for a wrong command line.
 */
public final class Cli {

    private Cli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h")) {
            usage(args.length == 0 ? err : out);
            return args.length == 0 ? 2 : 0;
        }
        switch (args[0]) {
            case "show":
                if (args.length != 2) {
                    err.println("mayday: usage: show FILE");
                    return 2;
                }
                return ShowCommand.run(args[1], out, err);
            case "send":
                return SendCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), out, err);
            case "list":
                if (args.length != 1) {
                    err.println("mayday: usage: list");
                    return 2;
                }
                return ListCommand.run(out, err);
            case "attach":
                return AttachCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), out, err);
            default:
                err.println("mayday: unknown command '" + args[0] + "'; commands: show, list, attach, send");
                return 2;
        }
    }

    private static void usage(PrintStream out) {
        out.println("usage: java -jar mayday-agent.jar COMMAND");
        out.println("  show FILE                  print a crash report as a person would read it");
        out.println("  list                       this user's JVMs: main class, Java version, Mayday in it or not");
        out.println("  attach PID [key=value,...] load Mayday into a running JVM with those options");
        out.println("  send [outbox=DIR] [send=URL] [token=T]  deliver what waits in the outbox now");
    }
}
