package dev.deepbuild.processor.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A layer given a shape it cannot take, with what to change: the validators report the fix
 * as written here, next to both shapes, since only the layer kind knows what would make it fit.
 */
public final class ShapeMismatch extends IllegalArgumentException {

  private final String fix;
  private final String member;

  /**
   * @param problem what is wrong, naming the shape given (and the one taken, where there is one)
   * @param fix what to change, as a sentence
   */
  public ShapeMismatch(String problem, String fix) {
    this(problem, fix, null);
  }

  /** @param member the annotation's value at fault, such as a kernel too large for the image */
  public ShapeMismatch(String problem, String fix, String member) {
    super(problem);
    this.fix = Objects.requireNonNull(fix, "fix");
    this.member = member;
  }

  public String fix() {
    return fix;
  }

  /** The annotation's value at fault; empty when it is what the layer is given. */
  public Optional<String> member() {
    return Optional.ofNullable(member);
  }
}
