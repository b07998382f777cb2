package dev.coupondecision.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Checks the Kubernetes manifests in {@code k8s/} against the application they deploy: the YAML parses, the
 * port and probe paths are the ones Quarkus serves, the config directories are the mounted ConfigMaps, the
 * ConfigMaps ship exactly the repo's current rule files, the pod is locked down, and {@code k8s/README.md}
 * lists the resources the overlays create.
 */
class KubernetesManifestsTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Path K8S = ROOT.resolve("k8s");
    private static final Path BASE = K8S.resolve("base");
    /** Where {@link #buildManifests()} assembles the deployable kustomizations with k8s/build.sh. */
    private static final Path BUILT = ROOT.resolve("target/k8s-test/manifests");
    private static final Path RULES_FILES = BUILT.resolve("base/rules-files");
    private static final Path DEV_KEY = ROOT.resolve("src/main/resources/dev-jwt/publicKey.pem");
    private static final String SYNC = "k8s/build.sh generates this from the repo's folders (see k8s/README.md)";

    /** Directory config keys of the service (DecisionConfig) and the ConfigMap each is mounted from. */
    private static final Map<String, String> CONFIG_DIRS = Map.of(
            "coupon.rules-dir", "coupon-decision-rules",
            "coupon.tables-dir", "coupon-decision-tables",
            "coupon.scenarios-dir", "coupon-decision-scenarios");
    /** Where prod reads the JWT public key (mp.jwt.verify.publickey.location) when the properties don't say. */
    private static final String JWT_KEY_LOCATION = "/secrets/jwt/publicKey.pem";
    /** quarkus.shutdown.timeout in prod when the properties don't say. */
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(20);

    @BeforeAll
    static void buildManifests() throws Exception {
        Process process = new ProcessBuilder("bash", K8S.resolve("build.sh").toString(), BUILT.toString())
                .directory(ROOT.toFile()).redirectErrorStream(true).start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as("k8s/build.sh:\n" + output).isZero();
    }

    @Test
    void noRuleFileIsCommittedUnderK8s() throws IOException {
        try (Stream<Path> files = Files.walk(K8S)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> K8S.relativize(p).toString())
                    .filter(p -> !p.startsWith(".tools")))
                    .as("copies of rule files or keys drift from the originals; k8s/build.sh makes them at build time")
                    .noneMatch(p -> p.endsWith(".xlsx") || p.endsWith(".drl") || p.endsWith(".pem") || p.contains("scenarios/"));
        }
    }

    @Test
    void everyYamlParsesAndEveryObjectHasApiVersionKindAndName() throws IOException {
        List<Path> files = yamlFiles();
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            List<JsonNode> docs = readAll(file);
            assertThat(docs).as(rel(file)).isNotEmpty();
            for (JsonNode doc : docs) {
                if (file.getFileName().toString().equals("kustomization.yaml")) {
                    assertThat(doc.path("kind").asText()).as(rel(file)).isEqualTo("Kustomization");
                    continue;
                }
                assertThat(doc.path("apiVersion").asText()).as(rel(file) + " apiVersion").isNotBlank();
                assertThat(doc.path("kind").asText()).as(rel(file) + " kind").isNotBlank();
                assertThat(doc.path("metadata").path("name").asText()).as(rel(file) + " metadata.name").isNotBlank();
            }
        }
    }

    @Test
    void containerPortAndProbesAreTheOnesQuarkusServes() throws IOException {
        Properties props = applicationProperties();
        int port = Integer.parseInt(prodValue(props, "quarkus.http.port", "8080"));
        assertThat(prodValue(props, "quarkus.http.root-path", "/")).as("probe paths assume the root path /").isEqualTo("/");
        String health = "/" + prodValue(props, "quarkus.http.non-application-root-path", "q") + "/"
                + prodValue(props, "quarkus.smallrye-health.root-path", "health");
        String live = health + "/" + prodValue(props, "quarkus.smallrye-health.liveness-path", "live");
        String ready = health + "/" + prodValue(props, "quarkus.smallrye-health.readiness-path", "ready");

        JsonNode container = container();
        Map<String, Integer> ports = new TreeMap<>();
        container.path("ports").forEach(p -> ports.put(p.path("name").asText(), p.path("containerPort").asInt()));
        assertThat(ports).containsEntry("http", port);

        assertProbe(container, "readinessProbe", ready, port, ports);
        assertProbe(container, "livenessProbe", live, port, ports);
        assertProbe(container, "startupProbe", live, port, ports);

        JsonNode service = object(BASE.resolve("service.yaml"));
        assertThat(service.at("/spec/type").asText()).isEqualTo("ClusterIP");
        JsonNode servicePort = service.at("/spec/ports/0");
        assertThat(service.at("/spec/ports").size()).isEqualTo(1);
        assertThat(servicePort.path("name").asText()).isEqualTo("http");
        assertThat(servicePort.path("port").asInt()).isEqualTo(80);
        assertThat(resolvePort(servicePort.path("targetPort"), ports)).isEqualTo(port);

        JsonNode policy = object(BASE.resolve("networkpolicy.yaml"));
        assertThat(policy.at("/spec/policyTypes").toString()).isEqualTo("[\"Ingress\"]");
        for (JsonNode rule : policy.at("/spec/ingress")) {
            assertThat(rule.path("ports").size()).isEqualTo(1);
            assertThat(rule.at("/ports/0/port").asInt()).as("NetworkPolicy port").isEqualTo(port);
            assertThat(rule.path("from").size()).as("each ingress rule names its sources").isPositive();
        }
    }

    @Test
    void configDirectoriesAreTheMountedConfigMaps() throws IOException {
        Properties props = applicationProperties();
        Set<String> dirKeys = props.stringPropertyNames().stream()
                .filter(k -> k.startsWith("coupon.") && k.endsWith("-dir")).collect(Collectors.toCollection(TreeSet::new));
        assertThat(dirKeys).as("directory keys in application.properties").isEqualTo(new TreeSet<>(CONFIG_DIRS.keySet()));

        JsonNode pod = deployment().at("/spec/template/spec");
        JsonNode container = container();
        Map<String, String> env = new TreeMap<>();
        container.path("env").forEach(e -> env.put(e.path("name").asText(), e.path("value").asText()));
        Map<String, JsonNode> mounts = new TreeMap<>();
        container.path("volumeMounts").forEach(m -> mounts.put(m.path("mountPath").asText(), m));
        Map<String, JsonNode> volumes = new TreeMap<>();
        pod.path("volumes").forEach(v -> volumes.put(v.path("name").asText(), v));

        for (Map.Entry<String, String> dir : CONFIG_DIRS.entrySet()) {
            String var = envVarName(dir.getKey());
            assertThat(env).as("env var for " + dir.getKey()).containsKey(var);
            String path = env.get(var);
            assertThat(path).as(var).startsWith("/config/");
            assertThat(mounts).as("volumeMount at " + var + "=" + path).containsKey(path);
            JsonNode mount = mounts.get(path);
            assertThat(mount.has("subPath")).as(path + ": subPath mounts never see ConfigMap updates").isFalse();
            assertThat(mount.path("readOnly").asBoolean()).as(path + " readOnly").isTrue();
            JsonNode volume = volumes.get(mount.path("name").asText());
            assertThat(volume.at("/configMap/name").asText()).as("volume mounted at " + path).isEqualTo(dir.getValue());
            assertThat(volume.at("/configMap/items").isMissingNode()).as(path + ": every key of the ConfigMap is mounted").isTrue();
        }
        assertThat(generators(RULES_FILES).keySet()).containsAll(CONFIG_DIRS.values());

        String keyLocation = resolve(prodValue(props, "mp.jwt.verify.publickey.location", JWT_KEY_LOCATION), env);
        Path key = Path.of(keyLocation);
        assertThat(mounts).as("mount holding " + keyLocation).containsKey(key.getParent().toString());
        JsonNode jwt = volumes.get(mounts.get(key.getParent().toString()).path("name").asText());
        assertThat(jwt.at("/secret/secretName").asText()).isEqualTo("coupon-decision-jwt");
        assertThat(key.getFileName().toString()).isEqualTo("publicKey.pem");
    }

    @Test
    void configMapsShipExactlyTheRepoRuleFiles() throws IOException {
        JsonNode kustomization = kustomization(RULES_FILES);
        assertThat(kustomization.at("/generatorOptions/disableNameSuffixHash").asBoolean())
                .as("fixed ConfigMap names, so an edit updates them in place and pods hot-reload").isTrue();
        Map<String, Map<String, String>> generators = generators(RULES_FILES);

        Map<String, String> expected = new TreeMap<>();
        for (String f : topLevel(ROOT.resolve("rules"), ".drl")) {
            expected.put("coupon-decision-rules/" + f, "rules/" + f);
        }
        for (String f : topLevel(ROOT.resolve("decision-tables"), ".xlsx")) {
            expected.put("coupon-decision-tables/" + f, "decision-tables/" + f);
        }
        for (String f : scenarioFiles()) {
            expected.put("coupon-decision-scenarios/" + f.replace("/", "__"), "scenarios/" + f);
        }
        assertThat(expected).as("rule files in the repo").isNotEmpty();

        Map<String, String> actual = new TreeMap<>();
        generators.forEach((name, files) -> files.forEach((k, source) -> actual.put(name + "/" + k, source)));
        assertThat(actual).as("ConfigMap keys -> files in k8s/base/rules-files/kustomization.yaml; " + SYNC)
                .isEqualTo(expected);

        for (String source : expected.values()) {
            Path copy = RULES_FILES.resolve(source);
            assertThat(copy).as(source + " in k8s/base/rules-files; " + SYNC).exists();
            assertThat(Files.mismatch(copy, ROOT.resolve(source))).as(source + " differs from its copy; " + SYNC).isEqualTo(-1L);
        }
        try (Stream<Path> files = Files.walk(RULES_FILES)) {
            Set<String> present = files.filter(Files::isRegularFile).map(p -> RULES_FILES.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.equals("kustomization.yaml")).collect(Collectors.toCollection(TreeSet::new));
            assertThat(present).as("files in k8s/base/rules-files; " + SYNC).isEqualTo(new TreeSet<>(expected.values()));
        }
    }

    @Test
    void devKeyIsOnlyInTheDevOverlay() throws IOException {
        for (Path dir : List.of(BASE, RULES_FILES, K8S.resolve("overlays/prod"))) {
            assertThat(kustomization(dir).has("secretGenerator")).as(rel(dir) + " generates no Secret").isFalse();
        }
        JsonNode dev = kustomization(K8S.resolve("overlays/dev"));
        assertThat(dev.at("/secretGenerator/0/name").asText()).isEqualTo("coupon-decision-jwt");
        assertThat(dev.at("/secretGenerator/0/files").toString()).isEqualTo("[\"publicKey.pem=dev-jwt/publicKey.pem\"]");
        assertThat(DEV_KEY).as("the documented dev public key the dev overlay ships").exists();
        Path copy = BUILT.resolve("overlays/dev/dev-jwt/publicKey.pem");
        assertThat(copy).as("dev public key in the dev overlay; " + SYNC).exists();
        assertThat(Files.mismatch(copy, DEV_KEY)).as("dev public key copy differs; " + SYNC).isEqualTo(-1L);
    }

    @Test
    void podIsLockedDownSizedAndDrainsOnShutdown() throws IOException {
        JsonNode pod = deployment().at("/spec/template/spec");
        assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
        assertThat(pod.at("/securityContext/runAsUser").asInt()).isEqualTo(185);
        assertThat(pod.at("/securityContext/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");

        JsonNode container = container();
        JsonNode security = container.path("securityContext");
        assertThat(security.path("runAsNonRoot").asBoolean()).isTrue();
        assertThat(security.path("allowPrivilegeEscalation").isBoolean()).isTrue();
        assertThat(security.path("allowPrivilegeEscalation").asBoolean()).isFalse();
        assertThat(security.path("readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(security.at("/capabilities/drop").toString()).isEqualTo("[\"ALL\"]");

        String tmpVolume = null;
        for (JsonNode mount : container.path("volumeMounts")) {
            if (mount.path("mountPath").asText().equals("/tmp")) {
                tmpVolume = mount.path("name").asText();
            }
        }
        assertThat(tmpVolume).as("writable /tmp").isNotNull();
        for (JsonNode volume : pod.path("volumes")) {
            if (volume.path("name").asText().equals(tmpVolume)) {
                assertThat(volume.has("emptyDir")).as("/tmp is an emptyDir").isTrue();
            }
        }

        JsonNode resources = container.path("resources");
        for (String path : List.of("/requests/cpu", "/requests/memory", "/limits/cpu", "/limits/memory")) {
            assertThat(resources.at(path).asText()).as("resources" + path).isNotBlank();
        }
        String javaOpts = "";
        for (JsonNode e : container.path("env")) {
            if (e.path("name").asText().equals("JAVA_OPTS_APPEND")) {
                javaOpts = e.path("value").asText();
            }
        }
        assertThat(javaOpts).contains("-XX:MaxRAMPercentage=33")
                .contains("-Djava.util.logging.manager=org.jboss.logmanager.LogManager")
                .as("the collector and trim that docs/benchmarks.md measured").contains("-XX:+UseSerialGC")
                .contains("-XX:TrimNativeHeapInterval=10000");

        JsonNode preStop = container.at("/lifecycle/preStop/exec/command");
        assertThat(preStop.size()).isEqualTo(2);
        assertThat(preStop.get(0).asText()).isEqualTo("sleep");
        long preStopSeconds = Long.parseLong(preStop.get(1).asText());
        Duration shutdown = Duration.parse("PT" + prodValue(applicationProperties(), "quarkus.shutdown.timeout",
                SHUTDOWN_TIMEOUT.toSeconds() + "s").toUpperCase(Locale.ROOT));
        assertThat(pod.path("terminationGracePeriodSeconds").asLong())
                .as("grace period covers preStop + quarkus.shutdown.timeout").isGreaterThan(preStopSeconds + shutdown.toSeconds());

        JsonNode labels = deployment().at("/spec/template/metadata/labels");
        assertThat(deployment().at("/spec/selector/matchLabels")).isEqualTo(labels);
        assertThat(deployment().at("/spec/replicas").isMissingNode()).as("the HPA owns the replica count").isTrue();
        assertThat(object(BASE.resolve("service.yaml")).at("/spec/selector")).isEqualTo(labels);
        assertThat(object(BASE.resolve("pdb.yaml")).at("/spec/selector/matchLabels")).isEqualTo(labels);
        assertThat(object(BASE.resolve("pdb.yaml")).at("/spec/minAvailable").asInt()).isEqualTo(1);
        assertThat(object(BASE.resolve("networkpolicy.yaml")).at("/spec/podSelector/matchLabels")).isEqualTo(labels);

        JsonNode hpa = object(BASE.resolve("hpa.yaml"));
        assertThat(hpa.path("apiVersion").asText()).isEqualTo("autoscaling/v2");
        assertThat(hpa.at("/spec/scaleTargetRef/kind").asText()).isEqualTo("Deployment");
        assertThat(hpa.at("/spec/scaleTargetRef/name").asText()).isEqualTo(deployment().at("/metadata/name").asText());
        assertThat(hpa.at("/spec/minReplicas").asInt()).isEqualTo(2);
        assertThat(hpa.at("/spec/maxReplicas").asInt()).isEqualTo(10);
        assertThat(hpa.at("/spec/metrics/0/resource/name").asText()).isEqualTo("cpu");
        assertThat(hpa.at("/spec/metrics/0/resource/target/averageUtilization").asInt()).isEqualTo(70);
    }

    /** Reads the kustomizations themselves (no kustomize needed): what each overlay creates, against the README. */
    @Test
    void readmeListsWhatEachKustomizationCreates() throws IOException {
        Map<String, Set<String>> readme = readmeResources();
        for (String target : List.of("base", "dev", "prod")) {
            Path dir = target.equals("base") ? BUILT.resolve("base") : BUILT.resolve("overlays/" + target);
            assertThat(new TreeSet<>(expand(dir))).as("resources of " + dir + " vs k8s/README.md")
                    .isEqualTo(readme.get(target));
        }
    }

    /** The Secrets operators create in production (k8s/README.md); the dev overlay generates its own. */
    private static final Set<String> OPERATORS_SECRETS = Set.of("coupon-decision-jwt", "coupon-decision-store",
            "coupon-decision-console");

    /** Builds the base and overlays with kustomize (k8s/render.sh) and compares with the README. */
    @Test
    void kustomizeOutputIsWhatTheReadmeSays() throws Exception {
        Path out = ROOT.resolve("target/k8s-rendered");
        Process process = new ProcessBuilder("bash", K8S.resolve("render.sh").toString(), out.toString())
                .directory(ROOT.toFile()).redirectErrorStream(true).start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("k8s/render.sh did not finish:\n" + output);
        }
        Assumptions.assumeFalse(process.exitValue() == 3, "no kustomize available:\n" + output);

        Map<String, Set<String>> readme = readmeResources();
        for (String target : List.of("base", "dev", "prod")) {
            Path rendered = out.resolve(target + ".yaml");
            if (target.equals("dev") && !Files.exists(DEV_KEY)) {
                continue; // devKeyIsOnlyInTheDevOverlay reports this as skipped
            }
            assertThat(rendered).as("k8s/render.sh output:\n" + output).exists();
            List<JsonNode> objects = readAll(rendered);
            Set<String> resources = new TreeSet<>();
            Set<String> configMapsAndSecrets = new TreeSet<>();
            for (JsonNode o : objects) {
                assertThat(o.path("apiVersion").asText()).isNotBlank();
                resources.add(o.path("kind").asText() + "/" + o.at("/metadata/name").asText());
                if (Set.of("ConfigMap", "Secret").contains(o.path("kind").asText())) {
                    configMapsAndSecrets.add(o.at("/metadata/name").asText());
                }
            }
            assertThat(resources).as(target + ": kustomize output vs k8s/README.md").isEqualTo(readme.get(target));
            for (JsonNode o : objects) {
                if (o.path("kind").asText().equals("Deployment") && !target.equals("base")) {
                    for (JsonNode volume : o.at("/spec/template/spec/volumes")) {
                        String name = volume.has("configMap") ? volume.at("/configMap/name").asText()
                                : volume.has("secret") ? volume.at("/secret/secretName").asText() : null;
                        if (name != null && !(target.equals("prod") && OPERATORS_SECRETS.contains(name))) {
                            assertThat(configMapsAndSecrets).as(target + ": volume " + volume.path("name").asText()).contains(name);
                        }
                    }
                    for (JsonNode reference : o.findValues("secretKeyRef")) {
                        String name = reference.path("name").asText();
                        if (!(target.equals("prod") && OPERATORS_SECRETS.contains(name))) {
                            assertThat(configMapsAndSecrets).as(target + ": env from Secret " + name).contains(name);
                        }
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private static void assertProbe(JsonNode container, String probe, String path, int port, Map<String, Integer> ports) {
        JsonNode http = container.path(probe).path("httpGet");
        assertThat(http.path("path").asText()).as(probe + " path").isEqualTo(path);
        assertThat(resolvePort(http.path("port"), ports)).as(probe + " port").isEqualTo(port);
    }

    private static int resolvePort(JsonNode port, Map<String, Integer> named) {
        if (port.isInt()) {
            return port.asInt();
        }
        assertThat(named).as("named port " + port.asText()).containsKey(port.asText());
        return named.get(port.asText());
    }

    /** The value in the prod profile: {@code %prod.key}, else {@code key}, else the Quarkus default. */
    private static String prodValue(Properties props, String key, String defaultValue) {
        return props.getProperty("%prod." + key, props.getProperty(key, defaultValue));
    }

    /** A property value, with a {@code ${VAR}} expression taken from the container's environment. */
    private static String resolve(String value, Map<String, String> env) {
        if (value.startsWith("${") && value.endsWith("}")) {
            String variable = value.substring(2, value.length() - 1);
            assertThat(env).as("the Deployment sets " + variable).containsKey(variable);
            return env.get(variable);
        }
        return value;
    }

    /** MicroProfile Config's environment variable for a property: non-alphanumerics to '_', upper case. */
    private static String envVarName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private static Properties applicationProperties() throws IOException {
        Properties props = new Properties();
        try (var reader = Files.newBufferedReader(ROOT.resolve("src/main/resources/application.properties"))) {
            props.load(reader);
        }
        return props;
    }

    private static JsonNode deployment() throws IOException {
        return object(BASE.resolve("deployment.yaml"));
    }

    private static JsonNode container() throws IOException {
        JsonNode containers = deployment().at("/spec/template/spec/containers");
        assertThat(containers.size()).isEqualTo(1);
        return containers.get(0);
    }

    private static JsonNode object(Path file) throws IOException {
        List<JsonNode> docs = readAll(file);
        assertThat(docs).as(rel(file)).hasSize(1);
        return docs.get(0);
    }

    private static JsonNode kustomization(Path dir) throws IOException {
        return object(dir.resolve("kustomization.yaml"));
    }

    private static List<JsonNode> readAll(Path file) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (var it = YAML.readerFor(JsonNode.class).<JsonNode>readValues(file.toFile())) {
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                    docs.add(doc);
                }
            }
        }
        return docs;
    }

    /** Every YAML file under k8s/, leaving out the installed tools (k8s/.tools). */
    private static List<Path> yamlFiles() throws IOException {
        try (Stream<Path> files = Files.walk(K8S)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> !K8S.relativize(p).startsWith(".tools"))
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted().toList();
        }
    }

    /** configMapGenerator / secretGenerator name -> (key -> source file) of one kustomization. */
    private static Map<String, Map<String, String>> generators(Path dir) throws IOException {
        JsonNode k = kustomization(dir);
        Map<String, Map<String, String>> result = new LinkedHashMap<>();
        for (String field : List.of("configMapGenerator", "secretGenerator")) {
            for (JsonNode generator : k.path(field)) {
                Map<String, String> files = new TreeMap<>();
                for (JsonNode entry : generator.path("files")) {
                    String text = entry.asText();
                    int eq = text.indexOf('=');
                    String source = eq < 0 ? text : text.substring(eq + 1);
                    files.put(eq < 0 ? Path.of(text).getFileName().toString() : text.substring(0, eq), source);
                }
                result.put(generator.path("name").asText(), files);
            }
        }
        return result;
    }

    /**
     * Kind/name of everything a kustomization creates, read from its resources and generators. Supports what
     * k8s/ uses and fails on what would rename objects (prefixes, suffixes, generator hashes).
     */
    private static List<String> expand(Path dir) throws IOException {
        JsonNode k = kustomization(dir);
        for (String renaming : List.of("namePrefix", "nameSuffix", "patches", "patchesStrategicMerge", "replacements")) {
            assertThat(k.has(renaming)).as(rel(dir) + ": " + renaming + " is not understood by this test").isFalse();
        }
        boolean fixedNames = k.at("/generatorOptions/disableNameSuffixHash").asBoolean();
        List<String> result = new ArrayList<>();
        for (JsonNode resource : k.path("resources")) {
            Path path = dir.resolve(resource.asText()).normalize();
            if (Files.isDirectory(path)) {
                result.addAll(expand(path));
            } else {
                for (JsonNode doc : readAll(path)) {
                    result.add(doc.path("kind").asText() + "/" + doc.at("/metadata/name").asText());
                }
            }
        }
        for (String field : List.of("configMapGenerator", "secretGenerator")) {
            for (JsonNode generator : k.path(field)) {
                assertThat(fixedNames || generator.at("/options/disableNameSuffixHash").asBoolean())
                        .as(rel(dir) + ": generated " + generator.path("name").asText() + " keeps its name").isTrue();
                result.add((field.startsWith("configMap") ? "ConfigMap/" : "Secret/") + generator.path("name").asText());
            }
        }
        return result;
    }

    /**
     * The table under "## Resources it creates" in k8s/README.md: | Kind | Name | In | where In lists
     * base, dev and/or prod.
     */
    private static Map<String, Set<String>> readmeResources() throws IOException {
        List<String> lines = Files.readAllLines(K8S.resolve("README.md"));
        int start = lines.indexOf("## Resources it creates");
        assertThat(start).as("k8s/README.md section '## Resources it creates'").isNotNegative();
        Map<String, Set<String>> result = new TreeMap<>();
        for (String target : List.of("base", "dev", "prod")) {
            result.put(target, new TreeSet<>());
        }
        boolean inTable = false;
        for (String line : lines.subList(start + 1, lines.size())) {
            if (!line.startsWith("|")) {
                if (inTable) {
                    break;
                }
                continue;
            }
            inTable = true;
            String[] cells = line.split("\\|");
            String kind = cells[1].strip().replace("`", "");
            String name = cells[2].strip().replace("`", "");
            if (kind.equals("Kind") || kind.startsWith("-")) {
                continue;
            }
            for (String target : cells[3].split(",")) {
                assertThat(result).as("README: " + line).containsKey(target.strip());
                result.get(target.strip()).add(kind + "/" + name);
            }
        }
        assertThat(result.get("base")).as("README resource table").isNotEmpty();
        return result;
    }

    /** What RuleFileSet reads: top-level files with the suffix, no hidden files or Excel lock files. */
    private static List<String> topLevel(Path dir, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".") && !n.startsWith("~$") && n.toLowerCase(Locale.ROOT).endsWith(suffix))
                    .sorted().toList();
        }
    }

    /** What ScenarioLoader reads: every *.json below scenarios/ (hidden paths and lock files left out). */
    private static List<String> scenarioFiles() throws IOException {
        Path dir = ROOT.resolve("scenarios");
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> p.endsWith(".json") && !p.startsWith(".") && !p.contains("/.")
                            && !Path.of(p).getFileName().toString().startsWith("~$"))
                    .sorted().toList();
        }
    }

    private static String rel(Path path) {
        return K8S.relativize(path).toString();
    }
}
