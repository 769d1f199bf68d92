package com.meetmates.signaling.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.meetmates.signaling.chat.Delivery;
import com.meetmates.signaling.chat.Pair;
import com.meetmates.signaling.json.JsonText;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What one node sends another over the event bus arrives as it was sent, whatever its kind. */
class DeliveryCodecTest {

  private static final String WIRE_PREFIX = "header written by the event bus before the body";

  static Stream<Delivery> deliveries() {
    JsonText payload = JsonText.wellFormed("{\"candidate\":{\"candidate\":\"candidate:842163049 1 udp 1677729535 "
        + "192.0.2.1 50001 typ srflx é ✓ 😀 \\\"quoted\\\" \\u2028\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0,"
        + "\"usernameFragment\":null,\"big\":123456789012345678901234567890,\"ratio\":0.5e0,"
        + "\"flags\":[true,false,null,\"x\",[1,2]]},\"from\":\"socket-a\"}");
    JsonText endOfCandidates = JsonText.wellFormed("{\"candidate\":null,\"from\":\"socket-a\"}");
    return Stream.of(
        new Delivery.FromPartner("pair-1", "socket-a", "ice-candidate", payload),
        new Delivery.FromPartner("pair-1", "socket-a", "ice-candidate", endOfCandidates),
        new Delivery.Announced("pair-1", "socket-b", true),
        new Delivery.PairStarted(new Pair("pair-1", "socket-a", "node-1", "socket-b", "node-2", true)),
        new Delivery.PairEnded("pair-1", "socket-b", true));
  }

  @ParameterizedTest
  @MethodSource("deliveries")
  void aDeliveryCrossesTheWireUnchanged(Delivery delivery) {
    DeliveryCodec codec = new DeliveryCodec();
    Buffer wire = Buffer.buffer(WIRE_PREFIX);
    codec.encodeToWire(wire, new DeliveryCodec.Batch(List.of(new DeliveryCodec.Addressed("socket-b", delivery))));

    DeliveryCodec.Batch decoded = codec.decodeFromWire(WIRE_PREFIX.length(), wire);

    assertThat(decoded.deliveries()).containsExactly(new DeliveryCodec.Addressed("socket-b", delivery));
  }

  @Test
  void theDeliveriesOfOneBatchArriveInTheirOrder() {
    DeliveryCodec codec = new DeliveryCodec();
    List<DeliveryCodec.Addressed> sent = deliveries()
        .map(delivery -> new DeliveryCodec.Addressed("socket-" + delivery.hashCode(), delivery)).toList();
    Buffer wire = Buffer.buffer(WIRE_PREFIX);
    codec.encodeToWire(wire, new DeliveryCodec.Batch(sent));

    assertThat(codec.decodeFromWire(WIRE_PREFIX.length(), wire).deliveries()).containsExactlyElementsOf(sent);
  }
}
