/**
 * Whether a training session's stored result still stands, decided in the build's JVM without
 * starting the training JVM: {@link dev.deepbuild.build.uptodate.OutcomeKey} names everything that
 * could change the session's outcome, and {@link dev.deepbuild.build.uptodate.StoredOutcome} keeps
 * the last result under its key.
 */
package dev.deepbuild.build.uptodate;
