package dev.mayday.bootstrap;

import java.lang.ref.WeakReference;
import java.lang.reflect.Method;

/**
 * How a Log4j2 {@code Message} of each class is kept, known by its class name (this class sees no
 * Log4j2 type): parameterized messages keep their {@code {}} pattern and parameters, simple ones
 * their text; any other is asked for its formatted text, on the logging thread.
 */
final class Log4j2Messages {

    static final int OTHER = 0;
    static final int PARAMETERIZED = 1;
    static final int SIMPLE = 2;
    static final int MESSAGE_FORMAT = 3;
    /**
     * Log4j2's garbage-free {@code MutableLogEvent}, which is its own message once it has taken a
     * reusable one in: its {@code getFormat()} and {@code getParameters()} are those of the message
     * it took (a {@code {}} pattern and its parameters, or a simple message's text alone).
     */
    static final int MUTABLE_EVENT = 4;

    static final ClassValue<Integer> KIND = new ClassValue<Integer>() {
        @Override
        protected Integer computeValue(Class<?> type) {
            String name = type.getName();
            if (name.equals("org.apache.logging.log4j.core.impl.MutableLogEvent")) {
                return MUTABLE_EVENT;
            }
            if (!name.startsWith("org.apache.logging.log4j.message.")) {
                return OTHER;
            }
            String simple = name.substring("org.apache.logging.log4j.message.".length());
            if (simple.equals("ParameterizedMessage") || simple.equals("ReusableParameterizedMessage")
                    || simple.equals("ParameterizedNoReferenceMessage")) {
                return PARAMETERIZED;
            }
            if (simple.equals("SimpleMessage") || simple.equals("ReusableSimpleMessage")
                    || simple.equals("ObjectMessage") || simple.equals("ReusableObjectMessage")) {
                return SIMPLE; // getFormat() is the text (an object message's String.valueOf)
            }
            if (simple.equals("MessageFormatMessage")) {
                return MESSAGE_FORMAT;
            }
            return OTHER;
        }
    };

    private static final ClassValue<Method> FORMATTED = new ClassValue<Method>() {
        @Override
        protected Method computeValue(Class<?> type) {
            try {
                Method m = type.getMethod("getFormattedMessage");
                m.setAccessible(true);
                return m;
            } catch (Throwable e) {
                try {
                    return type.getMethod("getFormattedMessage");
                } catch (Throwable again) {
                    return null;
                }
            }
        }
    };

    /**
     * The last two message classes asked about and their kinds: almost every record of a program
     * has one of a couple of message classes, and this is cheaper than {@link ClassValue#get}.
     * Weak, so that Mayday never keeps a web application's class loader.
     */
    private static volatile Last last;
    private static volatile Last previous;

    private static final class Last {
        final WeakReference<Class<?>> type;
        final int kind;

        Last(Class<?> type, int kind) {
            this.type = new WeakReference<Class<?>>(type);
            this.kind = kind;
        }
    }

    private Log4j2Messages() {
    }

    /** {@link #KIND} of {@code type}. */
    static int kindOf(Class<?> type) {
        Last l = last;
        if (l != null && l.type.get() == type) {
            return l.kind;
        }
        Last p = previous;
        if (p != null && p.type.get() == type) {
            // Two classes in turn (a parameterized and a simple message): both stay cached.
            previous = l;
            last = p;
            return p.kind;
        }
        int kind = KIND.get(type);
        previous = l;
        last = new Last(type, kind);
        return kind;
    }

    /** {@code message.getFormattedMessage()}, or its {@code toString()}; never throws. */
    static String formatted(Object message) {
        try {
            Method m = FORMATTED.get(message.getClass());
            Object text = m == null ? message.toString() : m.invoke(message);
            return text == null ? null : text.toString();
        } catch (Throwable e) {
            return "[" + message.getClass().getName() + " could not be formatted: " + e.getClass().getName() + "]";
        }
    }
}
