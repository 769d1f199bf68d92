package com.meetmates.signaling.engineio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngineIoCodecTest {

  @Test
  void everyPacketTypeIsItsDigitFollowedByItsData() {
    assertThat(PacketCodec.encodeText(Packet.open("{\"sid\":\"x\"}"))).isEqualTo("0{\"sid\":\"x\"}");
    assertThat(PacketCodec.encodeText(Packet.CLOSE)).isEqualTo("1");
    assertThat(PacketCodec.encodeText(Packet.PING)).isEqualTo("2");
    assertThat(PacketCodec.encodeText(new Packet(PacketType.PONG, "", null))).isEqualTo("3");
    assertThat(PacketCodec.encodeText(Packet.message("hello"))).isEqualTo("4hello");
    assertThat(PacketCodec.encodeText(new Packet(PacketType.UPGRADE, "", null))).isEqualTo("5");
    assertThat(PacketCodec.encodeText(Packet.NOOP)).isEqualTo("6");
    assertThat(PacketCodec.encodeText(new Packet(PacketType.PONG, "probe", null))).isEqualTo("3probe");
  }

  @Test
  void everyPacketTypeDecodesFromItsDigit() {
    assertThat(PacketCodec.decodeText("0{}")).isEqualTo(new Packet(PacketType.OPEN, "{}", null));
    assertThat(PacketCodec.decodeText("1").type()).isEqualTo(PacketType.CLOSE);
    assertThat(PacketCodec.decodeText("2probe")).isEqualTo(new Packet(PacketType.PING, "probe", null));
    assertThat(PacketCodec.decodeText("3")).isEqualTo(new Packet(PacketType.PONG, "", null));
    assertThat(PacketCodec.decodeText("4hello")).isEqualTo(Packet.message("hello"));
    assertThat(PacketCodec.decodeText("4")).isEqualTo(Packet.message(""));
    assertThat(PacketCodec.decodeText("5")).isEqualTo(new Packet(PacketType.UPGRADE, "", null));
    assertThat(PacketCodec.decodeText("6")).isEqualTo(Packet.NOOP);
  }

  @Test
  void unicodeMessageSurvivesARoundTrip() {
    String text = "héllo \uD83D\uDE00 \u001f";
    assertThat(PacketCodec.decodeText(PacketCodec.encodeText(Packet.message(text))).text()).isEqualTo(text);
  }

  @Test
  void aBinaryWebSocketFrameIsAMessageWithItsRawBytes() {
    Packet packet = PacketCodec.decodeBinary(Buffer.buffer(new byte[] {1, 2, 3}));
    assertThat(packet.type()).isEqualTo(PacketType.MESSAGE);
    assertThat(packet.binary().getBytes()).containsExactly(1, 2, 3);
  }

  @Test
  void aBinaryMessageIsNeverWrittenAsText() {
    assertThatThrownBy(() -> PacketCodec.encodeText(Packet.message(Buffer.buffer("x"))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void payloadJoinsPacketsWithTheRecordSeparatorAndBinaryAsBase64() {
    String payload = PacketCodec.encodePayload(List.of(
        Packet.message("hello"), Packet.PING, Packet.message(Buffer.buffer(new byte[] {1, 2, 3, 4}))), 1000).payload();
    assertThat(payload).isEqualTo("4hello\u001e2\u001ebAQIDBA==");
  }

  @Test
  void payloadOfOnePacketHasNoSeparator() {
    assertThat(PacketCodec.encodePayload(List.of(Packet.message("a")), 1000).payload()).isEqualTo("4a");
  }

  @Test
  void payloadDecodesTextAndBinaryPacketsInOrder() {
    List<Packet> packets = PacketCodec.decodePayload("4hello\u001ebAQIDBA==\u001e3\u001e4");
    assertThat(packets).hasSize(4);
    assertThat(packets.get(0)).isEqualTo(Packet.message("hello"));
    assertThat(packets.get(1).binary().getBytes()).containsExactly(1, 2, 3, 4);
    assertThat(packets.get(2)).isEqualTo(new Packet(PacketType.PONG, "", null));
    assertThat(packets.get(3)).isEqualTo(Packet.message(""));
  }

  @Test
  void base64WithoutPaddingIsAccepted() {
    assertThat(PacketCodec.decodePayload("bAQIDBA").get(0).binary().getBytes()).containsExactly(1, 2, 3, 4);
  }

  @Test
  void lineWrappedBase64AsTheJavaClientWritesItIsAccepted() {
    assertThat(PacketCodec.decodePayload("bAQID\nBA==\n\u001e4x").get(0).binary().getBytes()).containsExactly(1, 2, 3, 4);
  }

  @Test
  void emptyBinaryPacketIsAnEmptyBinaryMessage() {
    assertThat(PacketCodec.decodePayload("b").get(0).binary().length()).isZero();
  }

  @Test
  void emptyPacketIsMalformed() {
    assertThatThrownBy(() -> PacketCodec.decodeText("")).isInstanceOf(MalformedPacketException.class);
  }

  @Test
  void unknownPacketTypeIsMalformed() {
    assertThatThrownBy(() -> PacketCodec.decodeText("7")).isInstanceOf(MalformedPacketException.class);
    assertThatThrownBy(() -> PacketCodec.decodeText("x4")).isInstanceOf(MalformedPacketException.class);
    assertThatThrownBy(() -> PacketCodec.decodeText("/")).isInstanceOf(MalformedPacketException.class);
  }

  @Test
  void emptyPayloadIsMalformed() {
    assertThatThrownBy(() -> PacketCodec.decodePayload("")).isInstanceOf(MalformedPacketException.class);
  }

  @Test
  void payloadTruncatedAfterASeparatorIsMalformed() {
    assertThatThrownBy(() -> PacketCodec.decodePayload("4hello\u001e")).isInstanceOf(MalformedPacketException.class);
  }

  @Test
  void payloadWithTwoSeparatorsInARowIsMalformed() {
    assertThatThrownBy(() -> PacketCodec.decodePayload("4a\u001e\u001e4b")).isInstanceOf(MalformedPacketException.class);
  }

  @Test
  void payloadWithAnUnknownTypeIsMalformed() {
    assertThatThrownBy(() -> PacketCodec.decodePayload("4a\u001e9b")).isInstanceOf(MalformedPacketException.class);
  }

  @Test
  void badBase64IsMalformed() {
    assertThatThrownBy(() -> PacketCodec.decodePayload("b!!!")).isInstanceOf(MalformedPacketException.class);
    assertThatThrownBy(() -> PacketCodec.decodePayload("bA")).isInstanceOf(MalformedPacketException.class);
  }

  @Test
  void encodingForPollingStopsBeforeMaxPayloadAndKeepsOrder() {
    ArrayDeque<Packet> queue = new ArrayDeque<>(List.of(
        Packet.message("aaaa"), Packet.message("bbbb"), Packet.message("cccc")));
    PacketCodec.Chunk chunk = PacketCodec.encodePayload(queue, 11);
    assertThat(chunk.payload()).isEqualTo("4aaaa\u001e4bbbb");
    assertThat(chunk.packetCount()).isEqualTo(2);
  }

  @Test
  void anOversizedPacketStillGoesOutAloneForPolling() {
    ArrayDeque<Packet> queue = new ArrayDeque<>(List.of(Packet.message("x".repeat(50)), Packet.message("y")));
    PacketCodec.Chunk chunk = PacketCodec.encodePayload(queue, 10);
    assertThat(chunk.packetCount()).isEqualTo(1);
    assertThat(chunk.payload()).isEqualTo("4" + "x".repeat(50));
  }

  @Test
  void maxPayloadCountsUtf8Bytes() {
    ArrayDeque<Packet> queue = new ArrayDeque<>(List.of(Packet.message("é"), Packet.message("é")));
    assertThat(PacketCodec.encodePayload(queue, 6).packetCount()).isEqualTo(1);
    assertThat(PacketCodec.encodePayload(queue, 7).packetCount()).isEqualTo(2);
  }

  @Test
  void utf8LengthCountsMultiByteCharactersAndSurrogatePairs() {
    assertThat(PacketCodec.utf8Length("a")).isEqualTo(1);
    assertThat(PacketCodec.utf8Length("é")).isEqualTo(2);
    assertThat(PacketCodec.utf8Length("€")).isEqualTo(3);
    assertThat(PacketCodec.utf8Length("\uD83D\uDE00")).isEqualTo(4);
  }

  @Test
  void aWebSocketFramesBytesAreTheUtf8OfTheTextEncoding() {
    Packet packet = Packet.message("h\u00e9llo \u2713 \ud83d\ude00");
    ByteBuf frame = PacketCodec.encodeTextFrame(packet);
    try {
      assertThat(frame.toString(StandardCharsets.UTF_8)).isEqualTo(PacketCodec.encodeText(packet));
      assertThat(frame.readableBytes()).isEqualTo(PacketCodec.utf8Length(PacketCodec.encodeText(packet)));
      assertThat(PacketCodec.decodeText(frame)).isEqualTo(packet);
    } finally {
      frame.release();
    }
  }

  @Test
  void anEmptyOrUnknownWebSocketFrameIsMalformed() {
    assertThatThrownBy(() -> PacketCodec.decodeText(Unpooled.EMPTY_BUFFER)).isInstanceOf(MalformedPacketException.class);
    assertThatThrownBy(() -> PacketCodec.decodeText(Unpooled.copiedBuffer("\u00e94", StandardCharsets.UTF_8)))
        .isInstanceOf(MalformedPacketException.class);
  }
}
