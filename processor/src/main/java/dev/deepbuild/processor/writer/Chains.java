package dev.deepbuild.processor.writer;

import com.squareup.javapoet.CodeBlock;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A builder call whose argument is a chain, {@code .threshold(ThresholdSpec.max(Metric.MAE, 3.0)
 * .on(DataSplit.VALIDATION))}, on one line when it fits within {@link Comments#WIDTH} columns and
 * otherwise broken before a link, the rest indented as a continuation.
 */
final class Chains {
  /** A type's package, as {@code CodeBlock.toString()} writes it and the imports leave out. */
  private static final Pattern PACKAGE = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+(?=[A-Z])");
  /** The column a generated method's statement continues at, as JavaPoet indents it. */
  static final int STATEMENT_COLUMN = 8;
  /** How much deeper a continuation line is indented. */
  static final int CONTINUATION = 4;

  private Chains() {}

  /**
   * @param method the builder method, such as {@code threshold}
   * @param links the chain's factory call, then each call on its result
   * @param column where the call starts
   * @return the call, ending in a newline
   */
  static CodeBlock call(String method, List<CodeBlock> links, int column) {
    CodeBlock.Builder code = CodeBlock.builder().add(".$L(", method);
    int length = column + method.length() + 2;
    boolean broken = false;
    for (int i = 0; i < links.size(); i++) {
      int width = width(links.get(i)) + (i == links.size() - 1 ? 1 : 0);
      if (i > 0 && length + width > Comments.WIDTH) {
        code.add(broken ? "\n" : "\n$>$>");
        broken = true;
        length = column + CONTINUATION;
      }
      code.add(links.get(i));
      length += width;
    }
    return code.add(broken ? ")$<$<\n" : ")\n").build();
  }

  /** The link's width as written, its types imported. */
  static int width(CodeBlock link) {
    return PACKAGE.matcher(link.toString()).replaceAll("").length();
  }
}
