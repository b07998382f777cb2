package dev.coupondecision.ruleset.lint;

import org.apache.commons.text.similarity.LevenshteinDistance;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The known value a misspelt one was most likely meant to be: same letters in another case, or a few typos away. */
final class DidYouMean {

    private DidYouMean() {
    }

    static Optional<String> closest(String typed, List<String> known) {
        String normalized = typed.trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        int allowed = Math.max(2, Math.min(3, normalized.length() / 4));
        LevenshteinDistance distance = new LevenshteinDistance(allowed);
        return known.stream()
                .filter(name -> distance.apply(normalized, name) >= 0)
                .min(Comparator.comparingInt(name -> distance.apply(normalized, name)));
    }
}
