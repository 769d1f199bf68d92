package com.meetmates.loadtests.protocol;

import io.vertx.core.json.JsonObject;

/** Real-sized WebRTC signaling payloads as a browser produces them. */
public final class WebRtcPayloads {

  /** A Chromium video+audio offer is about 4 KB of SDP. */
  public static final int OFFER_SDP_BYTES = 4096;

  private static final String SDP_HEAD = String.join("\r\n",
      "v=0",
      "o=- 4611731400430051336 2 IN IP4 127.0.0.1",
      "s=-",
      "t=0 0",
      "a=group:BUNDLE 0 1",
      "a=extmap-allow-mixed",
      "a=msid-semantic: WMS stream",
      "m=audio 9 UDP/TLS/RTP/SAVPF 111 63 9 0 8 13 110 126",
      "c=IN IP4 0.0.0.0",
      "a=rtcp:9 IN IP4 0.0.0.0",
      "a=ice-ufrag:Lk3q",
      "a=ice-pwd:7bq1QYkqZ0nC8u3bqUO3yD5x",
      "a=ice-options:trickle",
      "a=fingerprint:sha-256 6B:8B:5D:EA:59:04:20:23:29:C8:87:1C:CF:CC:78:B6:BB:D9:E7:33:F0:A7:A8:98:3D:B7:4C:2B:0B:2F:AB:1C",
      "a=setup:actpass",
      "a=mid:0",
      "a=sendrecv",
      "a=rtcp-mux",
      "a=rtpmap:111 opus/48000/2",
      "a=fmtp:111 minptime=10;useinbandfec=1",
      "m=video 9 UDP/TLS/RTP/SAVPF 96 97 102 103 104 105 106 107 108 109 127 125",
      "c=IN IP4 0.0.0.0",
      "a=mid:1",
      "a=sendrecv",
      "a=rtcp-mux",
      "a=rtcp-rsize",
      "");

  private static final String CANDIDATE_LINE =
      "candidate:842163049 1 udp 1677729535 192.0.2.%d %d typ srflx raddr 10.0.0.5 rport %d generation 0 ufrag Lk3q network-id 1 network-cost 10";

  private WebRtcPayloads() {
  }

  public static JsonObject offer() {
    return description("offer");
  }

  public static JsonObject answer() {
    return description("answer");
  }

  /** An RTCIceCandidate as JSON, numbered so that order can be checked at the receiver. */
  public static JsonObject candidate(int index) {
    int port = 50000 + index;
    return new JsonObject()
        .put("candidate", String.format(CANDIDATE_LINE, index % 250 + 1, port, port))
        .put("sdpMid", "0")
        .put("sdpMLineIndex", 0)
        .put("usernameFragment", "Lk3q");
  }

  private static JsonObject description(String type) {
    StringBuilder sdp = new StringBuilder(OFFER_SDP_BYTES).append(SDP_HEAD);
    int payloadType = 0;
    while (sdp.length() < OFFER_SDP_BYTES - 64) {
      sdp.append("a=rtcp-fb:").append(96 + payloadType % 32).append(" nack pli\r\n");
      payloadType++;
    }
    return new JsonObject().put("type", type).put("sdp", sdp.toString());
  }
}
