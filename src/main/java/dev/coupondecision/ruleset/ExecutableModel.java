package dev.coupondecision.ruleset;

import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.core.common.InternalWorkingMemory;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.model.KieModuleModel;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the knowledge base that decides: the rules' DRL (already checked by the code guard and compiled once by
 * the DRL compiler, which gives the analysts' error locations) turned into Drools' executable model, Java compiled
 * by ECJ at run time with the rule class loader, plus the alpha network compiler. It decides faster than the DRL
 * knowledge base but takes about 2 s to build, so the built module is kept in a {@link CompiledModuleCache} under
 * the ruleset's content hash and the engine version, and loaded from there next time.
 */
final class ExecutableModel {
    private static final Logger LOG = Logger.getLogger(ExecutableModel.class);
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([A-Za-z_][\\w.]*)", Pattern.MULTILINE);
    /** Changes when Drools does, so that a module built by another engine release is never loaded. */
    static final String ENGINE = "drools-" + Optional.ofNullable(InternalWorkingMemory.class.getPackage().getImplementationVersion())
            .orElse("unknown") + "-executable-model-anc";

    private ExecutableModel() {
    }

    /** One DRL text of the ruleset: a developer's file or a sheet's generated rules. */
    record Drl(String path, String text) {
    }

    static KieBase build(String version, List<Drl> drls, ClassLoader ruleClassLoader, CompiledModuleCache cache) {
        KieServices kie = KieServices.Factory.get();
        String key = version + "/" + ENGINE;
        Optional<byte[]> cached = cache.get(key);
        if (cached.isPresent()) {
            try {
                return load(kie, cached.get(), ruleClassLoader);
            } catch (RuntimeException e) {
                LOG.warnf("the compiled ruleset %s in the cache does not load, compiling it again: %s", key, e.toString());
            }
        }
        byte[] module = compile(kie, version, drls, ruleClassLoader);
        cache.put(key, module);
        return load(kie, module, ruleClassLoader);
    }

    private static byte[] compile(KieServices kie, String version, List<Drl> drls, ClassLoader ruleClassLoader) {
        KieFileSystem files = kie.newKieFileSystem();
        // a release id of its own: the engine's repository is global, and builds may run side by side
        files.generateAndWritePomXML(kie.newReleaseId("dev.coupondecision.rulesets", "ruleset-" + version,
                "1.0.0-" + UUID.randomUUID()));
        KieModuleModel model = kie.newKieModuleModel();
        model.setConfigurationProperty("drools.alphaNetworkCompiler", "INMEMORY");
        files.writeKModuleXML(model.toXML());
        for (int i = 0; i < drls.size(); i++) {
            // in the folder of its package, as the engine expects (it warns otherwise)
            Matcher declared = PACKAGE.matcher(drls.get(i).text());
            String folder = declared.find() ? declared.group(1).replace('.', '/') : "rules";
            files.write("src/main/resources/" + folder + "/r" + i + ".drl", drls.get(i).text().getBytes(StandardCharsets.UTF_8));
        }
        KieBuilder builder;
        try {
            builder = kie.newKieBuilder(files, ruleClassLoader).buildAll(ExecutableModelProject.class);
        } catch (RuntimeException e) {
            throw new IllegalStateException("the executable model of ruleset " + version + " does not build: " + e.getMessage(), e);
        }
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            throw new IllegalStateException("the executable model of ruleset " + version + " does not build: "
                    + errors.stream().map(Message::getText).toList());
        }
        InternalKieModule built = (InternalKieModule) builder.getKieModule();
        kie.getRepository().removeKieModule(built.getReleaseId());
        return built.getBytes();
    }

    private static KieBase load(KieServices kie, byte[] module, ClassLoader ruleClassLoader) {
        ReleaseId id = kie.getRepository().addKieModule(kie.getResources().newByteArrayResource(module)).getReleaseId();
        try {
            return kie.newKieContainer(id, ruleClassLoader).getKieBase();
        } finally {
            kie.getRepository().removeKieModule(id);
        }
    }
}
