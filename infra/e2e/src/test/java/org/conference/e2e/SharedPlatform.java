package org.conference.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * One {@link Platform} for every end-to-end class of the test JVM: started by the first class that asks for it (a
 * {@code Platform} parameter, e.g. of its {@code @BeforeAll}), kept in the root context's store, and closed by
 * JUnit when the whole run ends. Starting the ten processes takes about a minute and a half on two cores, so no
 * class starts its own. When a test fails, the end of every process's log is printed to its output.
 */
final class SharedPlatform implements ParameterResolver, TestWatcher {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedPlatform.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Platform.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return store(context).computeIfAbsent(Platform.class, type -> Platform.start(BuiltJars.fromBuild(), logs()),
                Platform.class);
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        Platform platform = store(context).get(Platform.class, Platform.class);
        if (platform != null) {
            System.out.println("The processes' logs end:\n" + platform.logTails(80));
        }
    }

    private static ExtensionContext.Store store(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE);
    }

    private static Path logs() {
        Path logs = Path.of(System.getProperty("e2e.logs", "target/e2e-logs"), Long.toString(System.currentTimeMillis()));
        try {
            return Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + logs, e);
        }
    }
}
