package com.meetmates.signaling.socketio;

import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Encoding and decoding of the hot-path packet, a relayed ICE candidate. A benchmark, not a test:
 * {@code mvn -q -pl signaling-node test-compile exec:exec@codec-benchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PacketCodecBenchmark {

  private final Object[] candidateArgs = {new JsonObject()
      .put("candidate", new JsonObject()
          .put("candidate", "candidate:842163049 1 udp 1677729535 203.0.113.7 56143 typ srflx raddr 0.0.0.0 rport 0 "
              + "generation 0 ufrag sXP5 network-cost 999")
          .put("sdpMid", "0")
          .put("sdpMLineIndex", 0)
          .put("usernameFragment", "sXP5"))
      .put("from", "wZX3oN0bSVIhsaknAAAI")};
  private final String encodedCandidate =
      PacketEncoder.event(Packet.MAIN_NAMESPACE, Packet.NO_ACK, "ice-candidate", candidateArgs).text();
  private final PacketDecoder decoder = new PacketDecoder(SocketIoOptions.DEFAULT_MAX_PACKET_BYTES,
      SocketIoOptions.DEFAULT_MAX_ATTACHMENTS);

  @Benchmark
  public String encodeIceCandidate() {
    return PacketEncoder.event(Packet.MAIN_NAMESPACE, Packet.NO_ACK, "ice-candidate", candidateArgs).text();
  }

  @Benchmark
  public Packet decodeIceCandidate() {
    return decoder.decodeText(encodedCandidate);
  }
}
