package com.meetmates.signaling.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** JSON kept as text: found, measured and joined without a tree, escaped exactly as Jackson escapes. */
class JsonTextTest {

  private static final String CANDIDATE =
      "{ \"candidate\" : \"candidate:1 1 udp 2122260223 192.0.2.1 54321 typ host \\\"q\\\" \\\\ é ✓ 😀 \\u2028\","
          + "\"sdpMid\":\"0\",\"sdpMLineIndex\":0,\"usernameFragment\":null,\"nested\":{\"a\":[1,{\"b\":\"}\"}]}}";

  @Test
  void aStringIsEscapedAsJacksonEscapesItForEveryCharacter() throws IOException {
    StringBuilder every = new StringBuilder();
    for (char c = 0; c < 0xFFFF; c++) {
      every.append(c);
    }
    for (String value : new String[] {every.toString(), "", "plain", "\"\\/\b\f\n\r\t\u0000\u001f\u007f", "😀 é"}) {
      StringWriter jackson = new StringWriter();
      try (JsonGenerator generator = new JsonFactory().createGenerator(jackson)) {
        generator.writeString(value);
      }

      assertThat(JsonText.string(value).text()).isEqualTo(jackson.toString());
    }
  }

  @Test
  void aMemberIsTheRangeOfItsValueAsWrittenWithItsEscapesAndWhitespaceInside() {
    JsonText envelope = JsonText.wellFormed("{\"candidate\": " + CANDIDATE + " , \"other\":1}");

    JsonText candidate = envelope.member("candidate");

    assertThat(candidate.text()).isEqualTo(CANDIDATE);
    assertThat(candidate.isObject()).isTrue();
    assertThat(candidate.member("nested").member("a").text()).isEqualTo("[1,{\"b\":\"}\"}]");
    assertThat(candidate.member("sdpMLineIndex").text()).isEqualTo("0");
    assertThat(candidate.member("usernameFragment").isNull()).isTrue();
  }

  @Test
  void aMemberThatIsAbsentOrAskedOfAnythingButAnObjectIsNull() {
    assertThat(JsonText.wellFormed("{\"a\":1}").member("candidate")).isNull();
    assertThat(JsonText.wellFormed("{}").member("candidate")).isNull();
    assertThat(JsonText.wellFormed("[{\"candidate\":1}]").member("candidate")).isNull();
    assertThat(JsonText.wellFormed("\"candidate\"").member("candidate")).isNull();
    assertThat(JsonText.NULL.member("candidate")).isNull();
  }

  @Test
  void aRepeatedMemberGivesItsLastValueAsAParserThatBuildsAMapKeeps() throws IOException {
    String text = "{\"type\":\"offer\",\"sdp\":\"a\",\"type\":\"answer\"}";

    assertThat(JsonText.wellFormed(text).member("type").stringValue())
        .isEqualTo(new ObjectMapper().readValue(text, Map.class).get("type"));
  }

  @Test
  void aMemberNameWrittenWithEscapesIsFoundByItsValue() {
    assertThat(JsonText.wellFormed("{\"c\\u0061ndidate\":{\"x\":1}}").member("candidate").text())
        .isEqualTo("{\"x\":1}");
    assertThat(JsonText.wellFormed("{\"a\\\\\":1,\"a\":2}").member("a").text()).isEqualTo("2");
  }

  @Test
  void aStringValueResolvesEveryEscapeAsAParserDoes() throws IOException {
    String json = "\"sdp \\\"v=0\\\"\\r\\n\\t\\b\\f\\/\\\\ \\u00e9\\ud83d\\ude00 é\"";

    assertThat(JsonText.wellFormed(json).stringValue()).isEqualTo(new ObjectMapper().readValue(json, String.class));
    assertThat(JsonText.wellFormed("{}").stringValue()).isNull();
  }

  @Test
  void theUtf8LengthIsCountedInBytesNotCharacters() {
    JsonText ascii = JsonText.string("x".repeat(98));
    JsonText accented = JsonText.string("é".repeat(98));
    JsonText emoji = JsonText.string("😀".repeat(25));

    assertThat(ascii.longerThanUtf8(100)).isFalse();
    assertThat(ascii.longerThanUtf8(99)).isTrue();
    assertThat(accented.longerThanUtf8(198)).isFalse();
    assertThat(accented.longerThanUtf8(197)).isTrue();
    assertThat(emoji.longerThanUtf8(102)).isFalse();
    assertThat(emoji.longerThanUtf8(101)).isTrue();
  }

  @Test
  void anObjectBuiltOfTextsIsWrittenWithItsMembersInOrderAsJacksonWouldWriteIt() throws IOException {
    JsonText candidate = JsonText.wellFormed("[" + CANDIDATE + "]", 1, CANDIDATE.length() + 1);

    JsonText payload = new JsonText.ObjectBuilder(2).member("candidate", candidate).member("from", "id\"1").build();

    assertThat(payload.text()).isEqualTo("{\"candidate\":" + CANDIDATE + ",\"from\":\"id\\\"1\"}");
    StringBuilder appended = new StringBuilder("42[\"ice-candidate\",");
    payload.appendTo(appended);
    assertThat(appended).hasToString("42[\"ice-candidate\"," + payload.text());
    ObjectMapper mapper = new ObjectMapper();
    assertThat(mapper.readTree(payload.text()).get("candidate")).isEqualTo(mapper.readTree(CANDIDATE));
  }

  @Test
  void aDetachedRangeHoldsOnlyItsOwnTextAndEqualsTheRange() {
    String packet = "42[\"ice-candidate\"," + CANDIDATE + ",\"" + "x".repeat(10_000) + "\"]";
    int start = packet.indexOf('{');
    JsonText range = JsonText.wellFormed(packet, start, start + CANDIDATE.length());

    JsonText detached = range.detached();

    assertThat(detached.text()).isEqualTo(CANDIDATE).isNotSameAs(packet);
    assertThat(detached).isEqualTo(range).hasSameHashCodeAs(range);
    assertThat(detached.detached()).isSameAs(detached);
  }
}
