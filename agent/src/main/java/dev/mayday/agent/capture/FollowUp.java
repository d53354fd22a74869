package dev.mayday.agent.capture;

import dev.mayday.agent.consent.ConsentFlow;
import dev.mayday.agent.consent.ConsentStore;
import dev.mayday.agent.delivery.Courier;
import dev.mayday.agent.options.Option;
import dev.mayday.agent.options.Options;
import dev.mayday.agent.outbox.Outbox;
import java.nio.file.Path;

/**
 * After the report is on disk: consent, then delivery. Created on first use (never in premain), so
 * a program that neither crashes nor has reports waiting loads none of it.
 */
public final class FollowUp {

    private final Options options;
    private volatile ConsentFlow flow;

    public FollowUp(Options options) {
        this.options = options;
    }

    /** At start-up, on Mayday's thread: sends what earlier runs left in the outbox. */
    public void startUp() {
        if (options.list(Option.SEND).isEmpty() || options.consent() == Options.Consent.NEVER) {
            return; // nowhere to deliver to (the Courier would say the same, after loading all of it)
        }
        flow().courier().deliverLeftovers();
    }

    /** See {@link ConsentFlow#afterReport}. */
    public void afterReport(Path report, boolean exitFollows, boolean mayBlock) {
        flow().afterReport(report, exitFollows, mayBlock);
    }

    /** See {@link ConsentFlow#afterReport(Path, String, boolean, boolean)}: the kind decides whether to ask. */
    void afterReport(Path report, String kind, boolean exitFollows, boolean mayBlock) {
        flow().afterReport(report, kind, exitFollows, mayBlock);
    }

    private ConsentFlow flow() {
        ConsentFlow f = flow;
        if (f == null) {
            synchronized (this) {
                f = flow;
                if (f == null) {
                    Outbox outbox = new Outbox(options.outbox());
                    f = new ConsentFlow(options.consent(), outbox, new Courier(outbox, options), ConsentStore.forUser());
                    flow = f;
                }
            }
        }
        return f;
    }
}
