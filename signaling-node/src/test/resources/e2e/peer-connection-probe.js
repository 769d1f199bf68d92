// Installed by the test before the page's own scripts run: keeps every RTCPeerConnection the page
// creates, so the test can read the real connection state and statistics without hooks in the page.
(() => {
  const Native = window.RTCPeerConnection;
  if (!Native || window.__e2ePeerConnections) return;
  const created = [];
  window.__e2ePeerConnections = created;
  window.RTCPeerConnection = function (...args) {
    const pc = new Native(...args);
    created.push(pc);
    return pc;
  };
  window.RTCPeerConnection.prototype = Native.prototype;
  Object.setPrototypeOf(window.RTCPeerConnection, Native);
})();
