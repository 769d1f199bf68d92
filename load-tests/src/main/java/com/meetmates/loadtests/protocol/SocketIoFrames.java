package com.meetmates.loadtests.protocol;

import io.vertx.core.json.JsonArray;

/**
 * The few Engine.IO v4 / Socket.IO v5 text frames a load generator needs, over WebSocket only:
 * every Socket.IO packet travels in its own frame, so no payload separator is involved.
 */
public final class SocketIoFrames {

  /** Engine.IO OPEN packet prefix, sent by the server first. */
  public static final String OPEN = "0";
  /** Engine.IO PING from the server; answered with {@link #PONG}. */
  public static final String PING = "2";
  public static final String PONG = "3";
  /** Socket.IO CONNECT to the main namespace; the server answers {@code 40{"sid":...}}. */
  public static final String CONNECT = "40";
  /** Socket.IO EVENT prefix on the main namespace. */
  public static final String EVENT = "42";

  public static final String WEBSOCKET_PATH = "/socket.io/?EIO=4&transport=websocket";

  private SocketIoFrames() {
  }

  /** {@code 42["name",arg1,...]} with each argument JSON-encoded. */
  public static String event(String name, Object... args) {
    JsonArray array = new JsonArray().add(name);
    for (Object arg : args) {
      array.add(arg);
    }
    return EVENT + array.encode();
  }

  public static boolean isEvent(String frame, String name) {
    return frame.startsWith(EVENT + "[\"" + name + "\"");
  }

  public static boolean isConnectAck(String frame) {
    return frame.startsWith(CONNECT + "{");
  }

  /** The arguments of an event frame, the event name first. */
  public static JsonArray eventArguments(String frame) {
    return new JsonArray(frame.substring(EVENT.length()));
  }

  /**
   * The decimal number right after {@code marker}, read without parsing the frame, so that the
   * receiving side of a latency measurement stays cheap.
   */
  public static long digitsAfter(String frame, String marker) {
    int start = frame.indexOf(marker);
    if (start < 0) {
      throw new IllegalArgumentException("no " + marker + " in frame " + frame);
    }
    int i = start + marker.length();
    long value = 0;
    while (i < frame.length() && Character.isDigit(frame.charAt(i))) {
      value = value * 10 + (frame.charAt(i) - '0');
      i++;
    }
    return value;
  }
}
