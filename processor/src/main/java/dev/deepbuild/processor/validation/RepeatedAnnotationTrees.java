package dev.deepbuild.processor.validation;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.List;
import java.util.OptionalInt;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;

/**
 * Places messages on repeated annotations, such as two {@code @Threshold}s on one class. javac
 * hands processors those as the values of a container ({@code @Thresholds}) that is not in the
 * source, and its {@code Messager} then falls back to the class; this finds the written annotation
 * through javac's tree API instead. Outside javac it places nothing, and the {@code Messager}'s
 * fallback stands.
 */
public final class RepeatedAnnotationTrees {

  private final Trees trees;
  private final Types types;

  private RepeatedAnnotationTrees(Trees trees, Types types) {
    this.trees = trees;
    this.types = types;
  }

  public static RepeatedAnnotationTrees of(ProcessingEnvironment env) {
    Trees trees;
    try {
      trees = Trees.instance(env);
    } catch (IllegalArgumentException notJavac) {
      trees = null;
    }
    return new RepeatedAnnotationTrees(trees, env.getTypeUtils());
  }

  /**
   * Prints the message on the site's annotation, or on its member's value, if the annotation is a
   * repeated one. Returns whether it printed.
   */
  boolean print(Diagnostic.Kind kind, String message, AnnotationSite site, String member) {
    if (trees == null) {
      return false;
    }
    OptionalInt repetition = repetition(site);
    TreePath path = trees.getPath(site.element());
    if (repetition.isEmpty() || path == null) {
      return false;
    }
    List<? extends AnnotationTree> written =
        annotations(path.getLeaf()).stream()
            .filter(tree -> isOfType(path, tree, site.mirror().getAnnotationType()))
            .toList();
    if (written.size() <= repetition.getAsInt()) {
      // The container is written out, as in @Thresholds({...}), and javac places it.
      return false;
    }
    AnnotationTree annotation = written.get(repetition.getAsInt());
    Tree target = member == null ? annotation : argument(annotation, member);
    trees.printMessage(kind, message, target, path.getCompilationUnit());
    return true;
  }

  /** The site's index among the values of a container on the same element, if it is one. */
  private static OptionalInt repetition(AnnotationSite site) {
    for (AnnotationMirror direct : site.element().getAnnotationMirrors()) {
      for (AnnotationValue value : direct.getElementValues().values()) {
        if (value.getValue() instanceof List<?> values) {
          for (int i = 0; i < values.size(); i++) {
            if (((AnnotationValue) values.get(i)).getValue() == site.mirror()) {
              return OptionalInt.of(i);
            }
          }
        }
      }
    }
    return OptionalInt.empty();
  }

  private static List<? extends AnnotationTree> annotations(Tree declaration) {
    if (declaration instanceof ClassTree type) {
      return type.getModifiers().getAnnotations();
    }
    if (declaration instanceof VariableTree field) {
      return field.getModifiers().getAnnotations();
    }
    return List.of();
  }

  private boolean isOfType(TreePath declaration, AnnotationTree annotation, TypeMirror type) {
    TypeMirror written = trees.getTypeMirror(new TreePath(declaration, annotation));
    return written != null && types.isSameType(written, type);
  }

  /** The written value of the member, or the whole annotation when the member is defaulted. */
  private static Tree argument(AnnotationTree annotation, String member) {
    for (ExpressionTree argument : annotation.getArguments()) {
      if (argument instanceof AssignmentTree assignment
          && assignment.getVariable() instanceof IdentifierTree name
          && name.getName().contentEquals(member)) {
        return assignment.getExpression();
      }
    }
    return annotation;
  }
}
