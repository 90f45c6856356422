package tc.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code tc --version}: the Maven project version, filtered into version.properties at build time. */
final class Version implements IVersionProvider {
    static String projectVersion() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) return "unknown";
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown");
            return v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }

    @Override public String[] getVersion() {
        return new String[] {"tc " + projectVersion() + " (Tensor Computer, Java " + Runtime.version().feature() + ")"};
    }
}
