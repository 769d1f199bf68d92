package com.meetmates.signaling.socketio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.meetmates.signaling.json.JsonText;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PacketEncoderTest {

  private static final Object[] NO_ARGS = {};

  @Test
  void connectReplyCarriesTheSocketId() {
    assertThat(PacketEncoder.connect("/", new JsonObject().put("sid", "abc")).text()).isEqualTo("0{\"sid\":\"abc\"}");
    assertThat(PacketEncoder.connect("/admin", new JsonObject().put("sid", "abc")).text())
        .isEqualTo("0/admin,{\"sid\":\"abc\"}");
  }

  @Test
  void connectErrorWithMessageAndData() {
    assertThat(PacketEncoder.connectError("/random", new JsonObject().put("message", "Invalid namespace")).text())
        .isEqualTo("4/random,{\"message\":\"Invalid namespace\"}");
    JsonObject refusal = new JsonObject().put("message", "Not authorized").put("data", new JsonObject().put("code", 401));
    assertThat(PacketEncoder.connectError("/", refusal).text())
        .isEqualTo("4{\"message\":\"Not authorized\",\"data\":{\"code\":401}}");
  }

  @Test
  void disconnectFromMainAndCustomNamespace() {
    assertThat(PacketEncoder.disconnect("/").text()).isEqualTo("1");
    assertThat(PacketEncoder.disconnect("/admin").text()).isEqualTo("1/admin,");
  }

  @Test
  void eventWithStringArgument() {
    EncodedPacket packet = PacketEncoder.event("/", Packet.NO_ACK, "hey", new Object[] {"Jude"});

    assertThat(packet.text()).isEqualTo("2[\"hey\",\"Jude\"]");
    assertThat(packet.attachments()).isEmpty();
  }

  @Test
  void eventWithNamespaceAndAckId() {
    assertThat(PacketEncoder.event("/admin", 13, "foo", NO_ARGS).text()).isEqualTo("2/admin,13[\"foo\"]");
  }

  @Test
  void eventArgumentsOfEveryShape() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("k", List.of(1, 2));
    Object[] args = {
        new JsonObject().put("a", new JsonArray().add(1).addNull()), new JsonArray().add("x"), 42, 5_000_000_000L,
        1.5, true, null, map, new BigDecimal("1.25"), Instant.parse("2024-01-02T03:04:05Z"), new Object[] {"y", null}
    };

    assertThat(PacketEncoder.event("/", Packet.NO_ACK, "e", args).text()).isEqualTo(
        "2[\"e\",{\"a\":[1,null]},[\"x\"],42,5000000000,1.5,true,null,{\"k\":[1,2]},1.25,\"2024-01-02T03:04:05Z\",[\"y\",null]]");
  }

  @Test
  void stringsAreEscaped() {
    assertThat(PacketEncoder.event("/", Packet.NO_ACK, "m", new Object[] {"a\"b\\c\n\u0001é"}).text())
        .isEqualTo("2[\"m\",\"a\\\"b\\\\c\\n\\u0001é\"]");
  }

  @Test
  void bufferBecomesAPlaceholderAndAnAttachment() {
    Buffer data = Buffer.buffer(new byte[] {1, 2, 3, 4});

    EncodedPacket packet = PacketEncoder.event("/", Packet.NO_ACK, "baz", new Object[] {data});

    assertThat(packet.text()).isEqualTo("51-[\"baz\",{\"_placeholder\":true,\"num\":0}]");
    assertThat(packet.attachments()).containsExactly(data);
  }

  @Test
  void severalBinariesNestedInObjectsWithNamespaceAndAck() {
    EncodedPacket packet = PacketEncoder.event("/admin", 7, "baz",
        new Object[] {new JsonObject().put("file", Buffer.buffer("ab")), new byte[] {3, 4}});

    assertThat(packet.text()).isEqualTo(
        "52-/admin,7[\"baz\",{\"file\":{\"_placeholder\":true,\"num\":0}},{\"_placeholder\":true,\"num\":1}]");
    assertThat(packet.attachments()).containsExactly(Buffer.buffer("ab"), Buffer.buffer(new byte[] {3, 4}));
  }

  @Test
  void ackWithArgumentsAndEmptyAck() {
    assertThat(PacketEncoder.ack("/admin", 13, new Object[] {"bar"}).text()).isEqualTo("3/admin,13[\"bar\"]");
    assertThat(PacketEncoder.ack("/", 12, NO_ARGS).text()).isEqualTo("312[]");
  }

  @Test
  void binaryAck() {
    EncodedPacket packet = PacketEncoder.ack("/", 15, new Object[] {"bar", Buffer.buffer("x")});

    assertThat(packet.text()).isEqualTo("61-15[\"bar\",{\"_placeholder\":true,\"num\":0}]");
    assertThat(packet.attachments()).containsExactly(Buffer.buffer("x"));
  }

  @Test
  void valueWithoutJsonFormIsRefused() {
    assertThatThrownBy(() -> PacketEncoder.event("/", Packet.NO_ACK, "e", new Object[] {new Object()}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void encoderIsUsableAgainAfterARefusedValue() {
    assertThatThrownBy(() -> PacketEncoder.event("/", Packet.NO_ACK, "e", new Object[] {Thread.currentThread()}))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(PacketEncoder.event("/", Packet.NO_ACK, "ok", NO_ARGS).text()).isEqualTo("2[\"ok\"]");
  }

  @Test
  void whatIsEncodedDecodesToTheSameEvent() {
    JsonObject candidate = new JsonObject().put("candidate", "candidate:1 1 udp 2122260223 10.0.0.1 5000 typ host")
        .put("sdpMid", "0").put("sdpMLineIndex", 0);
    Object[] args = {new JsonObject().put("candidate", candidate).put("from", "abc"), Buffer.buffer("raw")};
    EncodedPacket encoded = PacketEncoder.event("/chat", 99, "ice-candidate", args);
    PacketDecoder decoder = new PacketDecoder(1_000_000, 10);

    assertThat(decoder.decodeText(encoded.text())).isNull();
    Packet decoded = decoder.decodeBinary(encoded.attachments().get(0));

    assertThat(decoded).isEqualTo(new Packet(PacketType.BINARY_EVENT, "/chat", 99, "ice-candidate", new JsonArray(List.of(args))));
  }

  @Test
  void jsonTextArgumentsAreWrittenAsTheyAreWithTheEventNameEscapedAsJacksonDoes() {
    JsonText payload = new JsonText.ObjectBuilder(2)
        .member("candidate", JsonText.wellFormed("{ \"candidate\":\"é \\u2028 \\\"q\\\"\" }"))
        .member("from", "abc")
        .build();

    assertThat(PacketEncoder.event("/", Packet.NO_ACK, "ice-candidate", new Object[] {payload}).text())
        .isEqualTo("2[\"ice-candidate\",{\"candidate\":{ \"candidate\":\"é \\u2028 \\\"q\\\"\" },\"from\":\"abc\"}]");
    assertThat(PacketEncoder.event("/admin", 7, "a\"b\n", new Object[] {JsonText.NULL, JsonText.string("x")}).text())
        .isEqualTo(PacketEncoder.event("/admin", 7, "a\"b\n", new Object[] {null, "x"}).text())
        .isEqualTo("2/admin,7[\"a\\\"b\\n\",null,\"x\"]");
  }

  @Test
  void jsonTextAmongOtherArgumentsIsWrittenAsItIs() {
    EncodedPacket packet = PacketEncoder.event("/", Packet.NO_ACK, "mixed",
        new Object[] {JsonText.wellFormed("{\"a\": [1, 2]}"), Map.of("b", JsonText.wellFormed("true")), 3});

    assertThat(packet.text()).isEqualTo("2[\"mixed\",{\"a\": [1, 2]},{\"b\":true},3]");
  }
}
