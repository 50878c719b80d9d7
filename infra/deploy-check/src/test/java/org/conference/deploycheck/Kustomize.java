package org.conference.deploycheck;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/** Renders a kustomization with {@code kubectl kustomize} (offline: it only reads the directory). */
final class Kustomize {

    private Kustomize() {
    }

    /**
     * The rendered YAML stream. Without kubectl the calling test is skipped, unless CI is set: CI must check the
     * manifests, so there it fails and says what to install.
     */
    static String render(Path kustomization) {
        requireKubectl();
        try {
            Path errors = Files.createTempFile("kustomize", ".err");
            Process process = new ProcessBuilder(List.of("kubectl", "kustomize", kustomization.toString()))
                    .redirectError(errors.toFile())
                    .start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("kubectl kustomize " + kustomization + " did not finish within 120 s");
            }
            String stderr = Files.readString(errors);
            Files.delete(errors);
            if (process.exitValue() != 0) {
                fail("kubectl kustomize " + kustomization + " failed (exit " + process.exitValue() + "):\n" + stderr);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run kubectl kustomize " + kustomization, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rendering " + kustomization, e);
        }
    }

    private static void requireKubectl() {
        if (kubectlWorks()) {
            return;
        }
        String message = "kubectl (with kustomize) is not on the PATH: the Kubernetes manifests cannot be rendered";
        if (System.getenv("CI") != null) {
            fail(message + "; CI must check them (install kubectl, see .ci/run)");
        }
        Assumptions.abort(message + "; skipped outside CI");
    }

    private static boolean kubectlWorks() {
        try {
            Process process = new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
            process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
