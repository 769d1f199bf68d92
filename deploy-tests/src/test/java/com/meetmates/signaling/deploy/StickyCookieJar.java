package com.meetmates.signaling.deploy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Cookie;
import okhttp3.CookieJar;
import okhttp3.HttpUrl;

/**
 * A browser-like cookie jar for one client of the local cluster: it keeps every cookie HAProxy
 * sets, and starts out holding the balancer's sticky cookie for the node the client should reach.
 */
public final class StickyCookieJar implements CookieJar {
  static final String STICKY_COOKIE = "MMNODE";

  private final Map<String, Cookie> cookies = new ConcurrentHashMap<>();

  public StickyCookieJar(String node) {
    cookies.put(STICKY_COOKIE, new Cookie.Builder().name(STICKY_COOKIE).value(node).hostOnlyDomain("127.0.0.1").path("/").build());
  }

  /** The node the balancer's cookie names now. */
  String node() {
    Cookie sticky = cookies.get(STICKY_COOKIE);
    return sticky == null ? null : sticky.value();
  }

  @Override
  public void saveFromResponse(HttpUrl url, List<Cookie> received) {
    received.forEach(cookie -> cookies.put(cookie.name(), cookie));
  }

  @Override
  public List<Cookie> loadForRequest(HttpUrl url) {
    return List.copyOf(cookies.values());
  }
}
