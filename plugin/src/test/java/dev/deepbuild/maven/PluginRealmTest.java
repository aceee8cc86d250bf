package dev.deepbuild.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The plugin's class realm, as Maven builds it from the plugin descriptor's dependencies: the
 * build-core and the annotations, without DL4J, ND4J or their natives, which only the forked JVM
 * loads from the project's class path.
 */
class PluginRealmTest {
  private static final List<String> TRAINING_GROUPS =
      List.of("org.deeplearning4j", "org.nd4j", "org.bytedeco");

  @Test
  void pluginRealmHasNoDeepLearningLibrary() throws Exception {
    List<String> artifacts = realm();

    assertTrue(artifacts.contains("dev.deepbuild:deepbuild-build-core"), artifacts.toString());
    for (String artifact : artifacts) {
      assertFalse(TRAINING_GROUPS.stream().anyMatch(group -> artifact.startsWith(group + ":")),
          artifact + " is in the plugin's class realm; the training JVM has it from the project's"
              + " class path. Depend on deepbuild-build-core rather than the runtime.");
      assertFalse(artifact.equals("dev.deepbuild:deepbuild-runtime"), artifacts.toString());
    }
  }

  @Test
  void forkEnvironmentSetsTheThreadCountOverTheUsersVariables() {
    Map<String, String> fork = AbstractForkingMojo.forkEnvironment(
        Map.of("OMP_NUM_THREADS", "4", "LANG", "C"), 2);
    assertEquals(Map.of("OMP_NUM_THREADS", "2", "LANG", "C"), fork);
  }

  /** groupId:artifactId of each dependency in the generated plugin descriptor. */
  private static List<String> realm() throws Exception {
    try (InputStream descriptor =
        PluginRealmTest.class.getResourceAsStream("/META-INF/maven/plugin.xml")) {
      Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(descriptor);
      // The plugin's dependencies are the descriptor's only ones; its goals list none.
      NodeList dependencies = document.getElementsByTagName("dependency");
      List<String> artifacts = new ArrayList<>();
      for (int i = 0; i < dependencies.getLength(); i++) {
        Element dependency = (Element) dependencies.item(i);
        artifacts.add(text(dependency, "groupId") + ":" + text(dependency, "artifactId"));
      }
      return artifacts;
    }
  }

  private static String text(Element element, String tag) {
    return element.getElementsByTagName(tag).item(0).getTextContent().strip();
  }
}
