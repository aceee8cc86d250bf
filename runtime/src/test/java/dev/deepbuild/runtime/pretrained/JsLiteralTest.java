package dev.deepbuild.runtime.pretrained;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class JsLiteralTest {
  @Test
  void readsWhatMinifiersWriteForJson() {
    String source = "x={a:.5,b:!0,c:!1,d:-0,e:[1,2e-3,-.25],\"f\":\"q\\\"u\\u0041\",g:null,h:6,1:{}};";
    JsLiteral.Parsed parsed = JsLiteral.parse(source, 2, "t.js");
    JsonNode value = parsed.value();

    assertEquals("{\"a\":0.5,\"b\":true,\"c\":false,\"d\":0.0,\"e\":[1,0.002,-0.25],\"f\":\"q\\\"uA\","
        + "\"g\":null,\"h\":6,\"1\":{}}", value.toString());
    assertTrue(value.get("h").isIntegralNumber(), "6 stays an integer, as in the JSON it came from");
    assertEquals(';', source.charAt(parsed.end()));
  }

  @Test
  void anythingElseNamesTheFileAndTheOffset() {
    PretrainedFormatException failure = assertThrows(PretrainedFormatException.class,
        () -> JsLiteral.parse("{a:f(1)}", 0, "t.js"));

    assertEquals("t.js at offset 4: 'f' is not a literal value (near '{a:f(1)}')", failure.getMessage());
  }
}
