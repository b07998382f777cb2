package dev.coupondecision.ruleset;

import java.util.Optional;

/**
 * Where compiled rulesets are kept between runs, keyed by the ruleset's content hash and the engine's version: a
 * restart or another replica loads the compiled rules (about 0.1 s) instead of compiling them again (about 2 s).
 * The service keeps them in its ruleset store; the command-line tools keep none.
 */
public interface CompiledModuleCache {
    CompiledModuleCache NONE = new CompiledModuleCache() {
        @Override
        public Optional<byte[]> get(String key) {
            return Optional.empty();
        }

        @Override
        public void put(String key, byte[] module) {
        }
    };

    Optional<byte[]> get(String key);

    void put(String key, byte[] module);
}
