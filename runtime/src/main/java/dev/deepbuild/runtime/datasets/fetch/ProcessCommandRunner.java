package dev.deepbuild.runtime.datasets.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** {@link CommandRunner#processes()}. */
final class ProcessCommandRunner implements CommandRunner {
  @Override
  public Optional<String> output(List<String> command, Path directory, Duration timeout) {
    Process process;
    try {
      process = new ProcessBuilder(command)
          .directory(directory.toFile())
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
      process.getOutputStream().close(); // nothing to say: a command that asks for input gets EOF
    } catch (IOException e) {
      return Optional.empty();
    }
    // Read while it runs: a process that fills the pipe would otherwise never exit.
    CompletableFuture<byte[]> stdout =
        CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        return Optional.empty();
      }
      return process.exitValue() == 0
          ? Optional.of(new String(stdout.get(timeout.toMillis(), TimeUnit.MILLISECONDS),
              Charset.defaultCharset()))
          : Optional.empty();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (ExecutionException | TimeoutException e) {
      return Optional.empty();
    }
  }

  private static byte[] readAll(InputStream in) {
    try (in) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
