package dev.deepbuild.runtime.pretrained;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The data a browserify bundle exports, as nsfwjs ships its models: one module whose body is
 * {@code <name>.exports=<literal>}, wrapped in the loader boilerplate (which has its own
 * {@code module.exports=e()}, skipped because a call is not a literal).
 */
final class JsBundle {
  private static final String EXPORTS = ".exports=";

  private JsBundle() {}

  /**
   * The first exported literal that opens with {@code opening} ({@code '{'} for an object,
   * {@code '"'} for a string).
   *
   * @param where names the file in messages
   * @throws PretrainedFormatException when the bundle exports no such literal
   */
  static JsonNode exported(String bundle, char opening, String where) {
    for (int at = bundle.indexOf(EXPORTS); at >= 0; at = bundle.indexOf(EXPORTS, at + 1)) {
      int start = at + EXPORTS.length();
      if (start < bundle.length() && bundle.charAt(start) == opening) {
        return JsLiteral.parse(bundle, start, where).value();
      }
    }
    throw new PretrainedFormatException(where + " exports no " + (opening == '{' ? "object" : "string")
        + " literal (no '" + EXPORTS + opening + "'): it is not the bundle this importer reads");
  }
}
