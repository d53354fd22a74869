package dev.mayday.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class MessageShapeTest {

    @Test
    void helpfulNullPointerMessagesKeepTheVariableAndLoseSlotsAndNumbers() {
        assertEquals("Cannot invoke \"String.length()\" because \"customerName\" is null",
                MessageShape.of(new NullPointerException("Cannot invoke \"String.length()\" because \"customerName\" is null")));
        assertEquals(MessageShape.of(new NullPointerException("Cannot load from int array because \"<local3>\" is null")),
                MessageShape.of(new NullPointerException("Cannot load from int array because \"<local7>\" is null")));
        assertEquals(MessageShape.of(new NullPointerException("Cannot read field \"x\" because \"this.rows[2]\" is null")),
                MessageShape.of(new NullPointerException("Cannot read field \"x\" because \"this.rows[5]\" is null")));
    }

    @Test
    void castsKeepTheirTwoClassesAndIndexesLoseTheIndex() {
        assertEquals("java.lang.Integer -> java.lang.String", MessageShape.of(new ClassCastException(
                "class java.lang.Integer cannot be cast to class java.lang.String (java.lang.Integer and java.lang.String are in module java.base of loader 'bootstrap')")));
        assertEquals("acme.Shop$$Lambda -> acme.Pricing", MessageShape.of(new ClassCastException(
                "class acme.Shop$$Lambda/0x00007f0001234 cannot be cast to class acme.Pricing")));
        assertEquals(MessageShape.of(new ArrayIndexOutOfBoundsException("Index 5 out of bounds for length 3")),
                MessageShape.of(new ArrayIndexOutOfBoundsException("Index 9 out of bounds for length 4")));
    }

    @Test
    void otherMessagesNameTheDataAndAreLeftOut() {
        assertNull(MessageShape.of(new IllegalStateException("order 17 failed")));
        assertNull(MessageShape.of(new NullPointerException()));
    }
}
