package acme;

import groovy.lang.Binding;
import groovy.lang.GroovyShell;
import groovy.lang.Script;

/** A program that runs its price rules as a Groovy script; the rule calls a method on a missing order. */
public final class GroovyRules {

    private GroovyRules() {
    }

    public static void main(String[] args) {
        Binding binding = new Binding();
        binding.setVariable("order", null);
        Script rules = new GroovyShell(binding).parse("def total = order.total()\nreturn total * 2\n", "PriceRules.groovy");
        System.out.println("price " + price(rules));
    }

    static Object price(Script rules) {
        return rules.run();
    }
}
