package dev.mayday.agent.watch;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.mayday.agent.capture.CrashEvent;
import dev.mayday.agent.capture.FollowUp;
import dev.mayday.agent.capture.Reporter;
import dev.mayday.agent.diag.Diagnostics;
import dev.mayday.agent.instrument.MainLoopOrigins;
import dev.mayday.bootstrap.LoopWatch;
import java.lang.management.ThreadInfo;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;

/**
 * The {@code hang} rule, run on the watchdog's ticks: a thread inside a main-loop call (or the AWT
 * event thread inside one event) whose progress count has not moved for {@code hang} seconds of
 * time the watchdog saw itself running is stalled. One report per stall, on disk when the limit
 * passes, rewritten with a new sample of the thread's stack while the stall goes on (at most
 * {@link #MAX_SAMPLES}), and once more with its duration when the loop moves again.
 */
final class StallWatch {

    static final int MAX_SAMPLES = 20;
    static final int FRAMES_PER_SAMPLE = 24;

    private final long limitMillis;
    private final long sampleEveryMillis;
    private final Reporter reporter;
    private final FollowUp followUp;
    private final Map<Long, State> states = new HashMap<Long, State>();

    StallWatch(long limitMillis, Reporter reporter, FollowUp followUp) {
        this.limitMillis = limitMillis;
        this.sampleEveryMillis = Math.max(500, limitMillis / 4);
        this.reporter = reporter;
        this.followUp = followUp;
    }

    /** Per watched thread: the progress last seen, and how long it has not moved. */
    private static final class State {
        int progress;
        long stalledMillis;
        boolean seen;
        Stall stall;
    }

    /** One stall being reported. */
    private static final class Stall {
        final String id = UUID.randomUUID().toString();
        final long timeMillis = System.currentTimeMillis();
        final JsonArray samples = new JsonArray();
        Hang hang;
        String originType;
        String originPattern;
        String originMethod;
        long lastSampleAt;
        boolean written;
        boolean followedUp;
    }

    /** @param countedMillis time since the last tick that counts (see {@link Watch}) */
    void tick(long countedMillis) {
        for (State s : states.values()) {
            s.seen = false;
        }
        for (LoopWatch.Track t : LoopWatch.snapshot()) {
            Thread thread = t.thread();
            if (thread == null) {
                continue;
            }
            State s = states.get(thread.getId());
            if (s == null) {
                s = new State();
                s.progress = t.progress();
                states.put(thread.getId(), s);
            }
            s.seen = true;
            int progress = t.progress();
            if (t.depth() <= 0 || progress != s.progress) {
                if (s.stall != null) {
                    end(s, thread);
                }
                s.progress = progress;
                s.stalledMillis = 0;
                continue;
            }
            s.stalledMillis += countedMillis;
            if (s.stall == null) {
                if (s.stalledMillis >= limitMillis && !suspended(thread)) {
                    begin(s, thread, t.origin());
                }
            } else if (s.stall.written && s.stall.samples.size() < MAX_SAMPLES
                    && s.stalledMillis - s.stall.lastSampleAt >= sampleEveryMillis) {
                sample(s, thread);
                write(s, thread, false, true);
                if (s.stall.samples.size() >= MAX_SAMPLES) {
                    followUp(s.stall);
                }
            }
        }
        for (Iterator<State> i = states.values().iterator(); i.hasNext(); ) {
            State s = i.next();
            if (!s.seen) {
                if (s.stall != null) {
                    end(s, null);
                }
                i.remove();
            }
        }
    }

    private void begin(State s, Thread thread, int originId) {
        Stall stall = new Stall();
        s.stall = stall;
        String where;
        StackTraceElement[] stack = thread.getStackTrace();
        if (originId == LoopWatch.AWT_ORIGIN) {
            stall.originType = "awtEventThread";
            stall.originPattern = "java.awt.EventQueue.dispatchEvent";
            where = "the AWT event thread has been handling one event";
        } else {
            String origin = originId >= 0 ? MainLoopOrigins.get(originId) : MainLoopOrigins.outermostIn(stack);
            if (origin == null) {
                origin = "unknown";
            }
            int bar = origin.indexOf('|');
            stall.originType = "mainLoop";
            stall.originPattern = bar < 0 ? origin : origin.substring(0, bar);
            stall.originMethod = bar < 0 ? null : origin.substring(bar + 1);
            where = (stall.originMethod == null ? "a main-loop call" : stall.originMethod) + " has been running";
        }
        stall.hang = new Hang(where + " for more than " + limitMillis / 1000 + " s on thread " + thread.getName(), stack);
        addSample(s, thread, stack);
        stall.written = write(s, thread, false, false);
    }

    private void sample(State s, Thread thread) {
        addSample(s, thread, thread.getStackTrace());
    }

    private void addSample(State s, Thread thread, StackTraceElement[] stack) {
        JsonObject sample = new JsonObject();
        sample.addProperty("atMs", s.stalledMillis);
        sample.addProperty("state", thread.getState().name());
        sample.add("frames", StackText.of(stack, FRAMES_PER_SAMPLE));
        s.stall.samples.add(sample);
        s.stall.lastSampleAt = s.stalledMillis;
    }

    private void end(State s, Thread thread) {
        Stall stall = s.stall;
        s.stall = null;
        if (!stall.written) {
            return; // held back by quiet
        }
        write(stall, thread, s.stalledMillis, true, true);
        followUp(stall);
    }

    private boolean write(State s, Thread thread, boolean ended, boolean update) {
        return write(s.stall, thread, s.stalledMillis, ended, update);
    }

    private boolean write(Stall stall, Thread thread, long stalledMillis, boolean ended, boolean update) {
        JsonObject json = new JsonObject();
        json.addProperty("limitSeconds", limitMillis / 1000);
        json.addProperty("durationMs", stalledMillis);
        json.addProperty("ended", ended);
        json.addProperty("samplesMax", MAX_SAMPLES);
        json.add("samples", stall.samples.deepCopy());
        CrashEvent event = new CrashEvent(CrashEvent.HANG, thread, stall.hang, stall.originType, stall.originPattern,
                stall.originMethod, stall.timeMillis).withId(stall.id, update).with("stall", json);
        Path written = reporter.report(event);
        if (written != null && !stall.followedUp) {
            lastFile.put(stall.id, written);
        }
        return written != null;
    }

    /** Each stall's report file until it is handed to consent and delivery. */
    private final Map<String, Path> lastFile = new HashMap<String, Path>();

    private void followUp(Stall stall) {
        if (stall.followedUp) {
            return;
        }
        stall.followedUp = true;
        Path file = lastFile.remove(stall.id);
        if (file == null) {
            return;
        }
        try {
            followUp.afterReport(file, false, false);
        } catch (Throwable e) {
            Diagnostics.warn("could not ask about or deliver " + file + " (" + e + "); it stays in the outbox");
        }
    }

    /** A thread a debugger suspended on its own is not stalled. */
    private static boolean suspended(Thread thread) {
        try {
            ThreadInfo info = dev.mayday.agent.report.PlatformBeans.threads().getThreadInfo(thread.getId());
            return info != null && info.isSuspended();
        } catch (Throwable e) {
            return false;
        }
    }
}
