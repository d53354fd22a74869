package dev.mayday.agent.cli;

import dev.mayday.agent.delivery.Clearance;
import dev.mayday.agent.delivery.DeliveryPass;
import dev.mayday.agent.options.Option;
import dev.mayday.agent.options.OptionException;
import dev.mayday.agent.options.Options;
import dev.mayday.agent.options.OptionsLoader;
import dev.mayday.agent.outbox.Outbox;
import dev.mayday.agent.transport.Destinations;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;

/**
 * {@code send [outbox=DIR] [send=URL] [token=T] [app=NAME]}: delivers what waits in the outbox now
 * (with {@code app=}, only that application's reports). The
 * options come from the arguments, then {@code -Dmayday.*}, {@code MAYDAY_*} and {@code config=},
 * as for the agent. A person running it is consent enough for reports nobody could be asked
 * about; reports the person declined in the dialog stay.
 */
final class SendCommand {

    private SendCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = OptionsLoader.load(String.join(",", args));
        } catch (OptionException e) {
            err.println("mayday: " + e.getMessage());
            return 2;
        }
        if (options.destinations().isEmpty()) {
            err.println("mayday: send: nowhere to send; give send=URL (ws://, http://, file:DIR), or set MAYDAY_SEND");
            return 2;
        }
        Outbox outbox = new Outbox(options.outbox());
        int waiting = outbox.waiting().size();
        if (waiting == 0) {
            out.println("nothing waiting in " + outbox.directory());
            return 0;
        }
        DeliveryPass.Result result;
        try {
            result = new DeliveryPass(outbox, options.destinations(), options.token(), options.get(Option.APP))
                    .run(Clearance.SEND_COMMAND);
        } catch (IOException e) {
            err.println("mayday: send: cannot use " + outbox.directory() + " (" + e + ")");
            return 1;
        }
        if (result == null) {
            err.println("mayday: send: another program is delivering from " + outbox.directory() + " now; try again in a moment");
            return 1;
        }
        if (result.sent() > 0) {
            out.println("sent " + result.sent() + " report(s) to "
                    + Destinations.describe(options.destinations()));
        }
        for (Map.Entry<String, String> r : result.rejected().entrySet()) {
            err.println("mayday: " + r.getKey() + " was refused (" + r.getValue() + "); moved to "
                    + outbox.directory().resolve("rejected"));
        }
        if (result.held() > 0) {
            out.println(result.held() + " report(s) stay: the user chose not to send them, or they were recorded"
                    + " with consent=never");
        }
        for (Map.Entry<String, String> f : result.failedReports().entrySet()) {
            err.println("mayday: " + f.getKey() + " could not be delivered (" + f.getValue() + "); it stays in "
                    + outbox.directory());
        }
        if (result.problem() != null) {
            err.println("mayday: " + result.problem());
        }
        for (Map.Entry<String, String> d : result.down().entrySet()) {
            err.println("mayday: cannot deliver to " + d.getKey() + ": " + d.getValue() + "; " + result.kept()
                    + " report(s) kept in " + outbox.directory());
        }
        return !result.retryLater() && result.problem() == null ? 0 : 1;
    }
}
