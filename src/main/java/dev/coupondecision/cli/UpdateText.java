package dev.coupondecision.cli;

import dev.coupondecision.scenario.ExpectationUpdate;

import java.nio.file.Path;
import java.util.List;

/** What {@code --update-scenarios} rewrote, file by file and value by value, and what it had to leave to a person. */
final class UpdateText {

    private UpdateText() {
    }

    static String render(Path scenariosDir, List<ExpectationUpdate> updates) {
        StringBuilder text = new StringBuilder();
        long updated = updates.stream().filter(ExpectationUpdate::updated).count();
        text.append("Updated ").append(updated).append(updated == 1 ? " scenario" : " scenarios")
                .append(" to expect what the rules now decide (review the changes, then commit them with the tables):\n");
        for (ExpectationUpdate update : updates) {
            String file = scenariosDir.resolve(update.file()).toString();
            if (update.updated()) {
                text.append("  ").append(file).append(" (").append(update.name()).append(")\n");
                update.changes().forEach(change -> text.append("    ").append(change).append('\n'));
            } else {
                text.append("  NOT UPDATED ").append(file).append(": ").append(update.notUpdated()).append('\n');
            }
        }
        return text.append('\n').toString();
    }
}
