import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Checks a staged release bundle (a Maven repository layout, as {@code deploy -Prelease} leaves it) the way Maven
 * Central validates a deployment, and fails on the first bundle that Central would refuse or that breaks one of the
 * project's own promises. Runs as a single-file program on the JDK (no dependency):
 *
 * <pre>
 *   java .ci/CheckBundle.java STAGING_DIR VERSION [--gpg] --pom G:A ... --jar G:A ...
 *   java .ci/CheckBundle.java STAGING_DIR VERSION [--gpg] --self-test --pom G:A ... --jar G:A ...
 * </pre>
 *
 * For every expected artifact ({@code --pom}: a POM-only module, {@code --jar}: a library): the POM, and for a jar
 * the jar, {@code -sources.jar} and {@code -javadoc.jar}; a CycloneDX SBOM ({@code -cyclonedx.json}); for each of
 * these files a {@code .asc} signature (verified with {@code gpg --verify} when {@code --gpg} is given) and
 * {@code .md5} and {@code .sha1} checksums that match the file ({@code .sha256}/{@code .sha512} checked when
 * present). Each POM has the coordinates of its path and, itself or through a parent in the bundle, a name, a
 * description, a url, a licence (name and url), a developer (name) and scm (url, connection,
 * developerConnection). Each library jar carries a real module descriptor ({@code module-info.class}, not an
 * automatic module); its sources jar has Java sources and its Javadoc jar an {@code index.html}. The version is a
 * release (no {@code -SNAPSHOT}) and the bundle holds nothing but the expected artifacts.
 *
 * <p>{@code --self-test} first checks the bundle, then breaks a copy of it in one way at a time (a missing
 * signature, a missing Javadoc jar, a wrong checksum, a POM without licences, a jar without module descriptor, an
 * unexpected artifact) and requires the check to refuse every one of them with the matching message: the check
 * itself is tested each time CI runs it.
 */
public final class CheckBundle {

    private static final String[] REQUIRED_CHECKSUMS = {"md5", "sha1"};
    private static final String[] OPTIONAL_CHECKSUMS = {"sha256", "sha512"};

    private final Path root;
    private final String version;
    private final boolean verifySignatures;
    private final Map<String, Boolean> expected; // groupId:artifactId -> has a jar
    private final List<String> errors = new ArrayList<>();
    private int filesChecked;

    private CheckBundle(Path root, String version, boolean verifySignatures, Map<String, Boolean> expected) {
        this.root = root;
        this.version = version;
        this.verifySignatures = verifySignatures;
        this.expected = expected;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            usage("a staging directory and a version are required");
        }
        Path root = Path.of(args[0]);
        String version = args[1];
        boolean gpg = false;
        boolean selfTest = false;
        Map<String, Boolean> expected = new LinkedHashMap<>();
        for (int i = 2; i < args.length; i++) {
            switch (args[i]) {
                case "--gpg" -> gpg = true;
                case "--self-test" -> selfTest = true;
                case "--pom", "--jar" -> {
                    if (i + 1 >= args.length || args[i + 1].split(":").length != 2) {
                        usage(args[i] + " needs groupId:artifactId");
                    }
                    expected.put(args[i + 1], args[i].equals("--jar"));
                    i++;
                }
                default -> usage("unknown argument " + args[i]);
            }
        }
        if (expected.isEmpty()) {
            usage("no --pom or --jar artifact given");
        }
        if (!Files.isDirectory(root)) {
            System.err.println("check-bundle: " + root + " is not a directory (did the staging deploy run?)");
            System.exit(1);
        }
        CheckBundle check = new CheckBundle(root, version, gpg, expected);
        check.run();
        if (!check.errors.isEmpty()) {
            check.errors.forEach(e -> System.err.println("check-bundle: FAIL " + e));
            System.err.println("check-bundle: " + check.errors.size()
                    + " problem(s): Central would refuse this bundle");
            System.exit(1);
        }
        System.out.println("check-bundle: OK " + expected.size() + " artifacts, " + check.filesChecked
                + " files (each signed" + (gpg ? " and verified" : "") + ", with md5 and sha1), version " + version);
        if (selfTest) {
            selfTest(root, version, gpg, expected);
        }
    }

    private static void usage(String problem) {
        System.err.println("check-bundle: " + problem);
        System.err.println("usage: java .ci/CheckBundle.java STAGING_DIR VERSION [--gpg] [--self-test]"
                + " --pom G:A ... --jar G:A ...");
        System.exit(2);
    }

    private void run() throws Exception {
        if (version.isBlank() || version.endsWith("-SNAPSHOT")) {
            errors.add("version '" + version + "' is not a release version (Central takes no -SNAPSHOT in a release)");
        }
        rejectUnexpectedArtifacts();
        for (Map.Entry<String, Boolean> artifact : expected.entrySet()) {
            String[] ga = artifact.getKey().split(":");
            checkArtifact(ga[0], ga[1], artifact.getValue());
        }
    }

    private Path dirOf(String groupId, String artifactId) {
        return root.resolve(groupId.replace('.', '/')).resolve(artifactId).resolve(version);
    }

    /** Every POM in the bundle must be one that was expected: a test module that leaks in fails the check. */
    private void rejectUnexpectedArtifacts() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path pom : files.filter(p -> p.getFileName().toString().endsWith(".pom")).toList()) {
                Path versionDir = pom.getParent();
                Path artifactDir = versionDir.getParent();
                String groupPath = root.relativize(artifactDir.getParent()).toString().replace('/', '.');
                String ga = groupPath + ":" + artifactDir.getFileName();
                if (!expected.containsKey(ga)) {
                    errors.add(root.relativize(pom) + ": unexpected artifact " + ga + " in the bundle");
                }
            }
        }
    }

    private void checkArtifact(String groupId, String artifactId, boolean hasJar) throws Exception {
        Path dir = dirOf(groupId, artifactId);
        String base = artifactId + "-" + version;
        if (!Files.isDirectory(dir)) {
            errors.add(groupId + ":" + artifactId + ":" + version + ": not staged (no " + root.relativize(dir) + ")");
            return;
        }
        List<String> required = new ArrayList<>(List.of(base + ".pom", base + "-cyclonedx.json"));
        if (hasJar) {
            required.addAll(List.of(base + ".jar", base + "-sources.jar", base + "-javadoc.jar"));
        }
        for (String name : required) {
            Path file = dir.resolve(name);
            if (!Files.isRegularFile(file)) {
                errors.add(root.relativize(file) + ": missing");
            } else if (Files.size(file) == 0) {
                errors.add(root.relativize(file) + ": empty");
            }
        }
        try (Stream<Path> listing = Files.list(dir)) {
            for (Path file : listing.sorted().toList()) {
                String name = file.getFileName().toString();
                if (isSidecar(name) || name.startsWith("maven-metadata")) {
                    continue;
                }
                checkSignatureAndChecksums(file);
            }
        }
        Path pom = dir.resolve(base + ".pom");
        if (Files.isRegularFile(pom)) {
            checkPom(pom, groupId, artifactId);
        }
        if (hasJar) {
            checkModuleDescriptor(dir.resolve(base + ".jar"));
            checkJarHas(dir.resolve(base + "-sources.jar"), ".java", "Java sources");
            checkJarHas(dir.resolve(base + "-javadoc.jar"), "index.html", "index.html");
        }
    }

    private static boolean isSidecar(String name) {
        if (name.endsWith(".asc")) {
            return true;
        }
        for (String algorithm : REQUIRED_CHECKSUMS) {
            if (name.endsWith("." + algorithm)) {
                return true;
            }
        }
        for (String algorithm : OPTIONAL_CHECKSUMS) {
            if (name.endsWith("." + algorithm)) {
                return true;
            }
        }
        return false;
    }

    private void checkSignatureAndChecksums(Path file) throws Exception {
        filesChecked++;
        String where = root.relativize(file).toString();
        Path asc = file.resolveSibling(file.getFileName() + ".asc");
        if (!Files.isRegularFile(asc)) {
            errors.add(where + ": no signature (.asc)");
        } else if (!Files.readString(asc, StandardCharsets.US_ASCII).startsWith("-----BEGIN PGP SIGNATURE-----")) {
            errors.add(where + ".asc: not an ASCII-armoured PGP signature");
        } else if (verifySignatures && !gpgVerifies(asc, file)) {
            errors.add(where + ".asc: gpg --verify fails (the signature does not match the file)");
        }
        byte[] content = Files.readAllBytes(file);
        for (String algorithm : REQUIRED_CHECKSUMS) {
            checkChecksum(file, content, algorithm, true);
        }
        for (String algorithm : OPTIONAL_CHECKSUMS) {
            checkChecksum(file, content, algorithm, false);
        }
    }

    private void checkChecksum(Path file, byte[] content, String algorithm, boolean required) throws Exception {
        Path sum = file.resolveSibling(file.getFileName() + "." + algorithm);
        String where = root.relativize(file).toString();
        if (!Files.isRegularFile(sum)) {
            if (required) {
                errors.add(where + ": no ." + algorithm + " checksum");
            }
            return;
        }
        String recorded = Files.readString(sum, StandardCharsets.US_ASCII).trim().split("\\s+")[0];
        String actual = digest(algorithm, content);
        if (!recorded.equalsIgnoreCase(actual)) {
            errors.add(where + "." + algorithm + ": checksum " + recorded + " does not match the file ("
                    + actual + ")");
        }
    }

    private static String digest(String algorithm, byte[] content) throws NoSuchAlgorithmException {
        String name = switch (algorithm) {
            case "md5" -> "MD5";
            case "sha1" -> "SHA-1";
            case "sha256" -> "SHA-256";
            case "sha512" -> "SHA-512";
            default -> throw new IllegalArgumentException(algorithm);
        };
        return HexFormat.of().formatHex(MessageDigest.getInstance(name).digest(content));
    }

    private static boolean gpgVerifies(Path asc, Path file) throws IOException, InterruptedException {
        Process gpg = new ProcessBuilder("gpg", "--batch", "--quiet", "--verify", asc.toString(), file.toString())
                .redirectErrorStream(true)
                .start();
        gpg.getInputStream().readAllBytes();
        if (!gpg.waitFor(60, TimeUnit.SECONDS)) {
            gpg.destroyForcibly();
            return false;
        }
        return gpg.exitValue() == 0;
    }

    /** Coordinates must match the path; the metadata Central requires may come from a parent in the bundle. */
    private void checkPom(Path pom, String groupId, String artifactId) throws Exception {
        String where = root.relativize(pom).toString();
        Element project = parse(pom);
        String pomGroup = text(project, "groupId");
        if (pomGroup.isEmpty()) {
            pomGroup = text(child(project, "parent"), "groupId");
        }
        String pomVersion = text(project, "version");
        if (pomVersion.isEmpty()) {
            pomVersion = text(child(project, "parent"), "version");
        }
        if (!groupId.equals(pomGroup) || !artifactId.equals(text(project, "artifactId"))
                || !version.equals(pomVersion)) {
            errors.add(where + ": coordinates " + pomGroup + ":" + text(project, "artifactId") + ":" + pomVersion
                    + " do not match its path " + groupId + ":" + artifactId + ":" + version);
        }
        List<Element> lineage = lineage(project, where);
        requireText(lineage, where, "name", p -> List.of(text(p, "name")));
        requireText(lineage, where, "description", p -> List.of(text(p, "description")));
        requireText(lineage, where, "url", p -> List.of(text(p, "url")));
        Element licenses = first(lineage, "licenses");
        Element license = child(licenses, "license");
        if (license == null || text(license, "name").isEmpty() || text(license, "url").isEmpty()) {
            errors.add(where + ": no licenses/license with a name and a url (itself or in a parent)");
        }
        Element developer = child(first(lineage, "developers"), "developer");
        if (developer == null || text(developer, "name").isEmpty()) {
            errors.add(where + ": no developers/developer with a name (itself or in a parent)");
        }
        Element scm = first(lineage, "scm");
        for (String field : List.of("url", "connection", "developerConnection")) {
            if (text(scm, field).isEmpty()) {
                errors.add(where + ": no scm/" + field + " (itself or in a parent)");
            }
        }
    }

    /** The POM, then its parent, its parent's parent...: each must be in the bundle, as Central resolves them. */
    private List<Element> lineage(Element project, String where) throws Exception {
        List<Element> lineage = new ArrayList<>(List.of(project));
        Element parent = child(project, "parent");
        while (parent != null) {
            String g = text(parent, "groupId");
            String a = text(parent, "artifactId");
            String v = text(parent, "version");
            Path parentPom = root.resolve(g.replace('.', '/')).resolve(a).resolve(v).resolve(a + "-" + v + ".pom");
            if (!Files.isRegularFile(parentPom)) {
                errors.add(where + ": its parent " + g + ":" + a + ":" + v + " is not in the bundle");
                break;
            }
            Element parentProject = parse(parentPom);
            lineage.add(parentProject);
            parent = child(parentProject, "parent");
        }
        return lineage;
    }

    private void requireText(List<Element> lineage, String where, String field,
            java.util.function.Function<Element, List<String>> values) {
        for (Element project : lineage) {
            for (String value : values.apply(project)) {
                if (!value.isBlank() && !value.contains("${")) {
                    return;
                }
            }
        }
        errors.add(where + ": no <" + field + "> (itself or in a parent)");
    }

    private static Element first(List<Element> lineage, String name) {
        for (Element project : lineage) {
            Element element = child(project, name);
            if (element != null) {
                return element;
            }
        }
        return null;
    }

    private void checkModuleDescriptor(Path jar) {
        if (!Files.isRegularFile(jar)) {
            return; // reported as missing
        }
        String where = root.relativize(jar).toString();
        try {
            Set<ModuleReference> modules = ModuleFinder.of(jar).findAll();
            if (modules.size() != 1) {
                errors.add(where + ": not a module jar");
                return;
            }
            ModuleDescriptor descriptor = modules.iterator().next().descriptor();
            if (descriptor.isAutomatic()) {
                errors.add(where + ": no module descriptor (module-info.class): it would be the automatic module "
                        + descriptor.name());
            }
        } catch (RuntimeException e) {
            errors.add(where + ": unreadable module: " + e.getMessage());
        }
    }

    private void checkJarHas(Path jar, String suffix, String what) throws IOException {
        if (!Files.isRegularFile(jar) || Files.size(jar) == 0) {
            return; // reported as missing
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            boolean found = file.stream().anyMatch(e -> e.getName().endsWith(suffix));
            if (!found) {
                errors.add(root.relativize(jar) + ": has no " + what);
            }
        }
    }

    private static Element parse(Path pom) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setNamespaceAware(false);
        Document document = factory.newDocumentBuilder().parse(pom.toFile());
        return document.getDocumentElement();
    }

    private static Element child(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        return null;
    }

    private static String text(Element parent, String name) {
        Element element = child(parent, name);
        return element == null ? "" : element.getTextContent().trim();
    }

    // ---------------------------------------------------------------------------------------------- self-test

    private record Breakage(String description, String expectedMessage, Consumer<Path> breakIt) {
    }

    /** Breaks a copy of the (good) bundle in one way at a time; the check must refuse each with its message. */
    private static void selfTest(Path root, String version, boolean gpg, Map<String, Boolean> expected)
            throws Exception {
        String firstJar = expected.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey)
                .findFirst().orElseThrow(() -> new IllegalStateException("--self-test needs a --jar artifact"));
        String firstPom = expected.keySet().iterator().next();
        String[] jarGa = firstJar.split(":");
        String[] pomGa = firstPom.split(":");
        String jarPath = jarGa[0].replace('.', '/') + "/" + jarGa[1] + "/" + version + "/" + jarGa[1] + "-" + version;
        String pomPath = pomGa[0].replace('.', '/') + "/" + pomGa[1] + "/" + version + "/" + pomGa[1] + "-" + version;
        List<Breakage> breakages = List.of(
                new Breakage("a sources jar without its signature", "-sources.jar: no signature (.asc)",
                        copy -> delete(copy.resolve(jarPath + "-sources.jar.asc"))),
                new Breakage("no Javadoc jar", "-javadoc.jar: missing",
                        copy -> deleteWithSidecars(copy.resolve(jarPath + "-javadoc.jar"))),
                new Breakage("a wrong sha1", ".jar.sha1: checksum",
                        copy -> write(copy.resolve(jarPath + ".jar.sha1"), "0".repeat(40))),
                new Breakage("no md5", ".pom: no .md5 checksum",
                        copy -> delete(copy.resolve(pomPath + ".pom.md5"))),
                new Breakage("a POM without licences", "no licenses/license",
                        copy -> rewritePom(copy.resolve(pomPath + ".pom"), "licenses")),
                new Breakage("a POM without scm", "no scm/url",
                        copy -> rewritePom(copy.resolve(pomPath + ".pom"), "scm")),
                new Breakage("a jar without module-info.class", "no module descriptor",
                        copy -> stripModuleInfo(copy.resolve(jarPath + ".jar"))),
                new Breakage("no SBOM", "-cyclonedx.json: missing",
                        copy -> deleteWithSidecars(copy.resolve(jarPath + "-cyclonedx.json"))),
                new Breakage("a test module in the bundle", "unexpected artifact",
                        copy -> write(copy.resolve(jarGa[0].replace('.', '/') + "/e2e-tests/" + version
                                + "/e2e-tests-" + version + ".pom"), "<project/>")));
        if (gpg) {
            breakages = new ArrayList<>(breakages);
            breakages.add(new Breakage("a signature of other bytes", ".jar.asc: gpg --verify fails", copy -> {
                try {
                    Files.copy(copy.resolve(jarPath + "-sources.jar.asc"), copy.resolve(jarPath + ".jar.asc"),
                            StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        int refused = 0;
        for (Breakage breakage : breakages) {
            Path copy = Files.createTempDirectory("check-bundle-selftest");
            try {
                copyTree(root, copy);
                breakage.breakIt().accept(copy);
                CheckBundle check = new CheckBundle(copy, version, gpg, expected);
                check.run();
                boolean matched = check.errors.stream().anyMatch(e -> e.contains(breakage.expectedMessage()));
                if (!matched) {
                    System.err.println("check-bundle: SELF-TEST FAIL: " + breakage.description()
                            + " was not refused with \"" + breakage.expectedMessage() + "\"; errors: " + check.errors);
                    System.exit(1);
                }
                refused++;
            } finally {
                deleteTree(copy);
            }
        }
        System.out.println("check-bundle: self-test OK: " + refused + " broken bundles refused ("
                + String.join(", ", breakages.stream().map(Breakage::description).toList()) + ")");
    }

    private static void delete(Path file) {
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteWithSidecars(Path file) {
        try (Stream<Path> siblings = Files.list(file.getParent())) {
            for (Path sibling : siblings.toList()) {
                if (sibling.getFileName().toString().startsWith(file.getFileName().toString())) {
                    Files.delete(sibling);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Removes an element from a POM (the first --pom: the parent, so no module inherits it either). */
    private static void rewritePom(Path pom, String element) {
        try {
            String xml = Files.readString(pom);
            Files.writeString(pom, xml.replaceAll("(?s)<" + element + "(\\s[^>]*)?>.*?</" + element + ">", ""));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void stripModuleInfo(Path jar) {
        try {
            Path stripped = jar.resolveSibling("stripped.tmp");
            try (JarFile in = new JarFile(jar.toFile());
                    JarOutputStream out = new JarOutputStream(Files.newOutputStream(stripped))) {
                for (JarEntry entry : in.stream().toList()) {
                    if (entry.getName().equals("module-info.class")) {
                        continue;
                    }
                    out.putNextEntry(new JarEntry(entry.getName()));
                    try (InputStream data = in.getInputStream(entry)) {
                        data.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
            Files.move(stripped, jar, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path path : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(path);
            }
        }
    }
}
