package com.meetmates.signaling.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.meetmates.signaling.chat.Delivery;
import com.meetmates.signaling.chat.Pair;
import io.vertx.core.buffer.Buffer;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What one node sends another over the event bus arrives as it was sent, whatever its kind. */
class DeliveryCodecTest {

  private static final String WIRE_PREFIX = "header written by the event bus before the body";

  static Stream<Delivery> deliveries() {
    Map<String, Object> candidate = new LinkedHashMap<>();
    candidate.put("candidate", "candidate:842163049 1 udp 1677729535 192.0.2.1 50001 typ srflx é ✓ 😀");
    candidate.put("sdpMid", "0");
    candidate.put("sdpMLineIndex", 0);
    candidate.put("usernameFragment", null);
    candidate.put("big", new BigInteger("123456789012345678901234567890"));
    candidate.put("long", 12345678901L);
    candidate.put("ratio", 0.5);
    candidate.put("flags", new ArrayList<>(Arrays.asList(true, false, null, "x", List.of(1, 2))));
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("candidate", candidate);
    payload.put("from", "socket-a");
    Map<String, Object> endOfCandidates = new LinkedHashMap<>();
    endOfCandidates.put("candidate", null);
    endOfCandidates.put("from", "socket-a");
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
