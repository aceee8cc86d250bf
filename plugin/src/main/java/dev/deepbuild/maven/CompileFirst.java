package dev.deepbuild.maven;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.lifecycle.LifecycleExecutionException;
import org.apache.maven.lifecycle.LifecycleExecutor;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.descriptor.MojoDescriptor;

/**
 * Runs the build up to {@code process-classes} before a goal invoked from the command line
 * ({@code mvn dl:train}), so that it finds the project compiled, as {@code @Execute(phase =
 * PROCESS_CLASSES)} would; a goal bound in the lifecycle ({@code mvn verify}) runs after that phase
 * anyway and forks nothing. {@code @Execute} cannot tell the two apart, and forks the lifecycle,
 * compiling again, wherever the goal runs; maven-source-plugin answers with a second goal of each
 * kind ({@code jar} and {@code jar-no-fork}), which users must know to choose. This asks Maven for
 * the same fork {@code @Execute} declares, through the API the site plugin's report executor uses
 * for reports with {@code @Execute}, but only when the goal came from the command line.
 */
final class CompileFirst {
  /** The phase a goal needs done; a string, as the annotations are not there at run time. */
  private static final String PHASE = "process-classes";

  private CompileFirst() {}

  static void whenInvokedAlone(MojoExecution execution, MavenSession session, LifecycleExecutor lifecycle)
      throws MojoExecutionException {
    if (execution.getSource() != MojoExecution.Source.CLI) {
      return;
    }
    MojoDescriptor descriptor = execution.getMojoDescriptor().clone();
    descriptor.setExecutePhase(PHASE);
    MojoExecution forking = new MojoExecution(descriptor, execution.getExecutionId(),
        MojoExecution.Source.CLI);
    forking.setConfiguration(execution.getConfiguration());
    forking.setLifecyclePhase(execution.getLifecyclePhase());
    try {
      lifecycle.calculateForkedExecutions(forking, session);
      lifecycle.executeForkedExecutions(forking, session);
    } catch (LifecycleExecutionException e) {
      // The failing plugin (a compile error) logged its own message; this names the step.
      throw new MojoExecutionException("The build up to " + PHASE
          + ", which " + descriptor.getFullGoalName() + " runs first, failed: " + e.getMessage(), e);
    } catch (Exception e) {
      throw new MojoExecutionException("Cannot run the build up to "
          + PHASE + " before " + descriptor.getFullGoalName() + ": "
          + e.getMessage(), e);
    }
  }
}
