package com.meetmates.signaling.socketio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.meetmates.signaling.json.JsonText;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class PacketDecoderTest {

  private static final int MAX_PACKET_BYTES = 1_000_000;
  private static final int MAX_ATTACHMENTS = 10;

  private final PacketDecoder decoder = new PacketDecoder(MAX_PACKET_BYTES, MAX_ATTACHMENTS);

  @Test
  void connectToMainNamespaceWithoutPayloadHasNoAuth() {
    Packet packet = decoder.decodeText("0");

    assertThat(packet).isEqualTo(new Packet(PacketType.CONNECT, "/", Packet.NO_ACK, null, null));
  }

  @Test
  void connectCarriesTheAuthObject() {
    Packet packet = decoder.decodeText("0{\"token\":\"123\"}");

    assertThat(packet.type()).isEqualTo(PacketType.CONNECT);
    assertThat(packet.namespace()).isEqualTo("/");
    assertThat(packet.data()).isEqualTo(new JsonObject().put("token", "123"));
  }

  @Test
  void connectToCustomNamespaceWithAuth() {
    Packet packet = decoder.decodeText("0/admin,{\"token\":\"abc\"}");

    assertThat(packet.namespace()).isEqualTo("/admin");
    assertThat(packet.data()).isEqualTo(new JsonObject().put("token", "abc"));
  }

  @Test
  void namespaceMayEndThePacketWithoutComma() {
    assertThat(decoder.decodeText("0/random").namespace()).isEqualTo("/random");
    assertThat(decoder.decodeText("1/admin").namespace()).isEqualTo("/admin");
  }

  @Test
  void disconnectFromMainAndCustomNamespace() {
    assertThat(decoder.decodeText("1")).isEqualTo(new Packet(PacketType.DISCONNECT, "/", Packet.NO_ACK, null, null));
    assertThat(decoder.decodeText("1/admin,"))
        .isEqualTo(new Packet(PacketType.DISCONNECT, "/admin", Packet.NO_ACK, null, null));
  }

  @Test
  void eventWithoutArguments() {
    Packet packet = decoder.decodeText("2[\"foo\"]");

    assertThat(packet).isEqualTo(new Packet(PacketType.EVENT, "/", Packet.NO_ACK, "foo", new JsonArray()));
  }

  @Test
  void eventArgumentsOfEveryJsonShape() {
    Packet packet = decoder.decodeText(
        "2[\"message\",1,\"2\",{\"3\":[true]},null,false,1.5,9007199254740993,123456789012345678901234567890,\"\\u00e9\\n\"]");

    assertThat(packet.event()).isEqualTo("message");
    JsonArray args = (JsonArray) packet.data();
    assertThat(args.getInteger(0)).isEqualTo(1);
    assertThat(args.getString(1)).isEqualTo("2");
    assertThat(args.getJsonObject(2)).isEqualTo(new JsonObject().put("3", new JsonArray().add(true)));
    assertThat(args.hasNull(3)).isTrue();
    assertThat(args.getBoolean(4)).isFalse();
    assertThat(args.getDouble(5)).isEqualTo(1.5);
    assertThat(args.getLong(6)).isEqualTo(9007199254740993L);
    assertThat(args.getValue(7)).isEqualTo(new BigInteger("123456789012345678901234567890"));
    assertThat(args.getString(8)).isEqualTo("é\n");
  }

  @Test
  void eventWithNamespaceAndAckId() {
    Packet packet = decoder.decodeText("2/admin,12[\"bar\",{\"a\":1}]");

    assertThat(packet).isEqualTo(
        new Packet(PacketType.EVENT, "/admin", 12, "bar", new JsonArray().add(new JsonObject().put("a", 1))));
    assertThat(packet.wantsAck()).isTrue();
  }

  @Test
  void numericEventNameIsReadAsText() {
    assertThat(decoder.decodeText("2[1,\"x\"]").event()).isEqualTo("1");
  }

  @Test
  void placeholderLookalikeInPlainEventStaysAnObject() {
    Packet packet = decoder.decodeText("2[\"a\",{\"_placeholder\":true,\"num\":0}]");

    assertThat(((JsonArray) packet.data()).getJsonObject(0).getBoolean("_placeholder")).isTrue();
  }

  @Test
  void ackWithArgumentsAndEmptyAck() {
    assertThat(decoder.decodeText("3/admin,13[\"bar\"]"))
        .isEqualTo(new Packet(PacketType.ACK, "/admin", 13, null, new JsonArray().add("bar")));
    assertThat(decoder.decodeText("312[]")).isEqualTo(new Packet(PacketType.ACK, "/", 12, null, new JsonArray()));
  }

  @Test
  void connectErrorAsObjectOrString() {
    assertThat(decoder.decodeText("4{\"message\":\"Not authorized\"}").data())
        .isEqualTo(new JsonObject().put("message", "Not authorized"));
    assertThat(decoder.decodeText("4/admin,\"Invalid namespace\"").data()).isEqualTo("Invalid namespace");
  }

  @Test
  void binaryEventWaitsForItsAttachmentThenPutsItInPlace() {
    assertThat(decoder.decodeText("51-[\"baz\",{\"_placeholder\":true,\"num\":0}]")).isNull();

    Packet packet = decoder.decodeBinary(Buffer.buffer(new byte[] {1, 2, 3, 4}));

    assertThat(packet.type()).isEqualTo(PacketType.BINARY_EVENT);
    assertThat(packet.event()).isEqualTo("baz");
    assertThat(((JsonArray) packet.data()).getBuffer(0)).isEqualTo(Buffer.buffer(new byte[] {1, 2, 3, 4}));
  }

  @Test
  void binaryEventWithSeveralAttachmentsNestedInObjectsAndNamespaceAndAck() {
    decoder.decodeText("52-/admin,7[\"baz\",{\"file\":{\"_placeholder\":true,\"num\":1}},{\"_placeholder\":true,\"num\":0}]");
    assertThat(decoder.decodeBinary(Buffer.buffer(new byte[] {1, 2}))).isNull();

    Packet packet = decoder.decodeBinary(Buffer.buffer(new byte[] {3, 4}));

    assertThat(packet.namespace()).isEqualTo("/admin");
    assertThat(packet.ackId()).isEqualTo(7);
    JsonArray args = (JsonArray) packet.data();
    assertThat(args.getJsonObject(0).getBuffer("file")).isEqualTo(Buffer.buffer(new byte[] {3, 4}));
    assertThat(args.getBuffer(1)).isEqualTo(Buffer.buffer(new byte[] {1, 2}));
  }

  @Test
  void binaryAckWithAttachment() {
    assertThat(decoder.decodeText("61-15[\"bar\",{\"_placeholder\":true,\"num\":0}]")).isNull();

    Packet packet = decoder.decodeBinary(Buffer.buffer("xyz"));

    assertThat(packet).isEqualTo(new Packet(PacketType.BINARY_ACK, "/", 15, null,
        new JsonArray().add("bar").add(Buffer.buffer("xyz"))));
  }

  @Test
  void binaryPacketWithoutAttachmentsIsCompleteAtOnce() {
    assertThat(decoder.decodeText("50-[\"plain\"]").event()).isEqualTo("plain");
  }

  @Test
  void decoderAcceptsTheNextPacketAfterAReassembledOne() {
    decoder.decodeText("51-[\"a\",{\"_placeholder\":true,\"num\":0}]");
    decoder.decodeBinary(Buffer.buffer("1"));

    assertThat(decoder.decodeText("2[\"b\"]").event()).isEqualTo("b");
  }

  @Test
  void anEventTakenRawGivesEachArgumentAsTheExactTextTheClientWrote() {
    PacketDecoder raw = new PacketDecoder(MAX_PACKET_BYTES, MAX_ATTACHMENTS,
        (namespace, event) -> namespace.equals("/") && event.equals("ice-candidate"));
    String candidate = "{ \"candidate\" : {\"candidate\":\"é ✓ 😀 \\\"q\\\" \\u2028\",\"sdpMLineIndex\":0} }";

    Packet packet = raw.decodeText("212[\"ice-candidate\", " + candidate + " ,null, 1.5e3 ,\"s\"]");

    assertThat(packet.ackId()).isEqualTo(12);
    assertThat(packet.event()).isEqualTo("ice-candidate");
    assertThat(packet.data()).isEqualTo(List.of(JsonText.wellFormed(candidate), JsonText.NULL,
        JsonText.wellFormed("1.5e3"), JsonText.wellFormed("\"s\"")));
  }

  @Test
  void eventsNotTakenRawAndBinaryEventsStillArriveAsATree() {
    PacketDecoder raw = new PacketDecoder(MAX_PACKET_BYTES, MAX_ATTACHMENTS, (namespace, event) -> true);

    assertThat(raw.decodeText("2/admin,[\"x\",{\"a\":1}]").data()).isInstanceOf(List.class);
    assertThat(new PacketDecoder(MAX_PACKET_BYTES, MAX_ATTACHMENTS, (namespace, event) -> false)
        .decodeText("2[\"x\",{\"a\":1}]").data()).isEqualTo(new JsonArray().add(new JsonObject().put("a", 1)));
    assertThat(raw.decodeText("51-[\"x\",{\"_placeholder\":true,\"num\":0}]")).isNull();
    Packet binary = raw.decodeBinary(Buffer.buffer(new byte[] {1, 2}));
    assertThat(binary.data()).isEqualTo(new JsonArray().add(Buffer.buffer(new byte[] {1, 2})));
  }

  @Test
  void malformedArgumentsOfARawEventAreStillAProtocolError() {
    PacketDecoder raw = new PacketDecoder(MAX_PACKET_BYTES, MAX_ATTACHMENTS, (namespace, event) -> true);

    for (String malformed : new String[] {"2[\"x\",{\"a\":}]", "2[\"x\",{\"a\":1]", "2[\"x\",{\"a\":\"\u0001\"}]",
        "2[\"x\",{\"a\":1}", "2[\"x\",tru]", "2[\"x\",01]", "2[\"x\",{}] x"}) {
      assertThatThrownBy(() -> raw.decodeText(malformed)).as(malformed).isInstanceOf(ProtocolException.class);
    }
  }
}
