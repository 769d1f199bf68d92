package com.meetmates.signaling.socketio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.buffer.Buffer;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MalformedPacketTest {

  private static final int MAX_PACKET_BYTES = 1_000;
  private static final int MAX_ATTACHMENTS = 10;

  private final PacketDecoder decoder = new PacketDecoder(MAX_PACKET_BYTES, MAX_ATTACHMENTS);

  @Test
  void emptyMessageIsRefused() {
    assertRefused("", "empty");
  }

  @ParameterizedTest
  @ValueSource(strings = {"7[\"a\"]", "9", "x", "-1", " 2[\"a\"]"})
  void unknownPacketTypeIsRefused(String text) {
    assertThatThrownBy(() -> decoder.decodeText(text)).isInstanceOf(ProtocolException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2[\"foo\"", "2[\"foo\",{\"a\":", "2[\"foo\",\"unterminated", "2", "2/admin,", "3/admin,4",
      "0{\"token\":", "5", "51", "51-", "2/admin"})
  void truncatedPacketIsRefused(String text) {
    assertThatThrownBy(() -> decoder.decodeText(text)).isInstanceOf(ProtocolException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2{\"foo\"}", "2[foo]", "2[\"a\"]x", "2[\"a\"] [\"b\"]", "2['a']", "2[\"a\",NaN]",
      "2[\"a\",01]", "2[\"a\",/*c*/1]", "0[1]", "0\"auth\"", "2[]", "2[{}]", "2[null]", "2[true]", "2\"a\"",
      "3/admin,1{\"a\":1}", "1{\"a\":1}", "1/admin,x", "4abc", "4[1]", "4"})
  void badJsonOrWrongPayloadShapeIsRefused(String text) {
    assertThatThrownBy(() -> decoder.decodeText(text)).isInstanceOf(ProtocolException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"connect", "connect_error", "disconnect", "disconnecting", "newListener", "removeListener"})
  void reservedEventNameIsRefused(String event) {
    assertRefused("2[\"" + event + "\"]", "reserved");
  }

  @Test
  void nestingDeeperThanTheLimitIsRefused() {
    String deep = "[".repeat(JsonTreeReader.MAX_NESTING_DEPTH + 1) + "]".repeat(JsonTreeReader.MAX_NESTING_DEPTH + 1);

    assertThatThrownBy(() -> decoder.decodeText("2[\"a\"," + deep + "]")).isInstanceOf(ProtocolException.class);
  }

  @Test
  void ackWithoutIdIsRefused() {
    assertRefused("3[\"a\"]", "bad ack id");
    assertRefused("61-[{\"_placeholder\":true,\"num\":0}]", "bad ack id");
  }

  @Test
  void ackIdWithTooManyDigitsIsRefused() {
    assertRefused("21234567890123456[\"a\"]", "bad ack id");
  }

  @ParameterizedTest
  @ValueSource(strings = {"012{}", "15", "1/admin,5", "47{\"message\":\"x\"}"})
  void ackIdOnAPacketThatTakesNoneIsRefused(String text) {
    assertRefused(text, "bad ack id");
  }

  @Test
  void moreAttachmentsAnnouncedThanPlaceholdersIsRefused() {
    assertRefused("52-[\"a\",{\"_placeholder\":true,\"num\":0}]", "announces 2 attachments but has 1");
  }

  @Test
  void fewerAttachmentsAnnouncedThanPlaceholdersIsRefused() {
    assertRefused("51-[\"a\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]", "illegal attachment");
  }

  @Test
  void binaryPacketWithoutPlaceholdersIsRefused() {
    assertRefused("51-[\"a\"]", "announces 1 attachments but has 0");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"_placeholder\":true,\"num\":1}", "{\"_placeholder\":true,\"num\":-1}",
      "{\"_placeholder\":true,\"num\":\"0\"}", "{\"_placeholder\":true,\"num\":0.5}", "{\"_placeholder\":true}"})
  void placeholderWithIllegalNumberIsRefused(String placeholder) {
    assertRefused("51-[\"a\"," + placeholder + "]", "illegal attachment");
  }

  @Test
  void attachmentReferencedTwiceIsRefused() {
    assertRefused("52-[\"a\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":0}]", "referenced twice");
  }

  @ParameterizedTest
  @ValueSource(strings = {"5x-[\"a\"]", "5-[\"a\"]", "51x-[\"a\"]", "511-[\"a\"]", "5999999999999-[\"a\"]"})
  void badAttachmentCountIsRefused(String text) {
    assertThatThrownBy(() -> decoder.decodeText(text)).isInstanceOf(ProtocolException.class);
  }

  @Test
  void binaryMessageWithoutAnnouncingPacketIsRefused() {
    assertThatThrownBy(() -> decoder.decodeBinary(Buffer.buffer("x")))
        .isInstanceOf(ProtocolException.class).hasMessageContaining("without a binary packet");
  }

  @Test
  void textMessageWhileAttachmentsAreDueIsRefused() {
    decoder.decodeText("52-[\"a\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]");
    decoder.decodeBinary(Buffer.buffer("1"));

    assertRefused("2[\"b\"]", "1 binary attachments are due");
  }

  @Test
  void textPacketLongerThanTheLimitIsRefused() {
    String text = "2[\"a\",\"" + "x".repeat(MAX_PACKET_BYTES) + "\"]";

    assertRefused(text, "exceeds");
  }

  @Test
  void attachmentsLargerThanTheLimitAreRefused() {
    decoder.decodeText("52-[\"a\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]");
    decoder.decodeBinary(Buffer.buffer(new byte[MAX_PACKET_BYTES / 2]));

    assertThatThrownBy(() -> decoder.decodeBinary(Buffer.buffer(new byte[MAX_PACKET_BYTES / 2])))
        .isInstanceOf(ProtocolException.class).hasMessageContaining("exceeds");
  }

  @Test
  void randomlyDamagedPacketsNeverRaiseAnythingButAProtocolError() {
    String[] valid = {
        "0/admin,{\"token\":\"abc\"}", "2/admin,12[\"bar\",{\"a\":[1,2.5,null,true]}]", "312[\"x\"]",
        "52-/admin,7[\"baz\",{\"f\":{\"_placeholder\":true,\"num\":1}},{\"_placeholder\":true,\"num\":0}]",
        "4{\"message\":\"no\"}", "1/admin,"
    };
    String alphabet = "0123456789-/,[]{}\":_.truefalsn\\u00 \u00e9\ud83d";
    Random random = new Random(20240501L);
    int decoded = 0;
    for (int round = 0; round < 20_000; round++) {
      StringBuilder text = new StringBuilder(valid[random.nextInt(valid.length)]);
      int edits = 1 + random.nextInt(3);
      for (int e = 0; e < edits && text.length() > 0; e++) {
        int at = random.nextInt(text.length());
        switch (random.nextInt(3)) {
          case 0 -> text.deleteCharAt(at);
          case 1 -> text.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
          default -> text.setLength(at);
        }
      }
      PacketDecoder fresh = new PacketDecoder(MAX_PACKET_BYTES, MAX_ATTACHMENTS);
      try {
        fresh.decodeText(text.toString());
        decoded++;
      } catch (ProtocolException expected) {
        assertThat(expected.getMessage()).isNotBlank();
      }
    }
    assertThat(decoded).as("some damaged packets are still valid packets").isPositive();
  }

  private void assertRefused(String text, String reason) {
    assertThatThrownBy(() -> decoder.decodeText(text))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining(reason);
  }
}
