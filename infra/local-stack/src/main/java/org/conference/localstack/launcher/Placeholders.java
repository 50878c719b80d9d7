package org.conference.localstack.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code ${name}} and {@code ${name:argument}} in the topology's values (see topology.properties for the names). */
public final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z-]+)(?::([^}]*))?}");

    /** A placeholder found in a value. */
    public record Reference(String name, String argument) {

        @Override
        public String toString() {
            return "${" + name + (argument == null ? "" : ":" + argument) + "}";
        }
    }

    /** Answers a reference's value, or null when it knows none. */
    @FunctionalInterface
    public interface Values {
        String valueOf(Reference reference);
    }

    public static List<Reference> references(String template) {
        List<Reference> found = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            found.add(new Reference(matcher.group(1), matcher.group(2)));
        }
        return found;
    }

    public static String resolve(String template, Values values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            Reference reference = new Reference(matcher.group(1), matcher.group(2));
            String value = values.valueOf(reference);
            if (value == null) {
                throw new IllegalArgumentException("no value for " + reference + " in '" + template + "'");
            }
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(resolved);
        return resolved.toString();
    }

    private Placeholders() {
    }
}
