package com.meetmates.signaling.node.process;

import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;

/**
 * WebSockets that answer the server's close frame, as browsers do. OkHttp leaves that answer to the
 * application and engine.io-client-java 2.1.0 never gives it: a Java client whose server closes the
 * connection (a node draining on SIGTERM) would report nothing until its ping timeout, while a browser
 * reports "transport close" at once and reconnects.
 */
final class BrowserLikeClose implements WebSocket.Factory {

  private final OkHttpClient http;

  BrowserLikeClose(OkHttpClient http) {
    this.http = http;
  }

  @Override
  public WebSocket newWebSocket(Request request, WebSocketListener listener) {
    return http.newWebSocket(request, new AnsweringClose(listener));
  }

  private static final class AnsweringClose extends WebSocketListener {

    private final WebSocketListener client;

    AnsweringClose(WebSocketListener client) {
      this.client = client;
    }

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
      client.onOpen(webSocket, response);
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
      client.onMessage(webSocket, text);
    }

    @Override
    public void onMessage(WebSocket webSocket, ByteString bytes) {
      client.onMessage(webSocket, bytes);
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
      client.onClosing(webSocket, code, reason);
      webSocket.close(code, null);
    }

    @Override
    public void onClosed(WebSocket webSocket, int code, String reason) {
      client.onClosed(webSocket, code, reason);
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable failure, Response response) {
      client.onFailure(webSocket, failure, response);
    }
  }
}
