package dev.coupondecision.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The options ({@code --name value} or {@code --flag}) and positional arguments of one sub-command. */
final class Arguments {
    private final Map<String, String> values = new HashMap<>();
    private final Set<String> flags = new HashSet<>();
    private final List<String> positional = new ArrayList<>();

    private Arguments() {
    }

    static Arguments parse(List<String> args, Set<String> valueOptions, Set<String> flagOptions) {
        Arguments parsed = new Arguments();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (valueOptions.contains(arg)) {
                if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                    throw new UsageException(arg + " needs a value");
                }
                parsed.values.put(arg, args.get(++i));
            } else if (flagOptions.contains(arg)) {
                parsed.flags.add(arg);
            } else if (arg.startsWith("--")) {
                throw new UsageException("unknown option " + arg);
            } else {
                parsed.positional.add(arg);
            }
        }
        return parsed;
    }

    String value(String option, String otherwise) {
        return values.getOrDefault(option, otherwise);
    }

    boolean has(String option) {
        return values.containsKey(option) || flags.contains(option);
    }

    List<String> positional() {
        return positional;
    }
}
