// Everything the page shows goes through here, so the session logic never touches the DOM.

const MAX_LOG_ENTRIES = 300;
const RESTORED_BANNER_MS = 3000;

const $ = (id) => document.getElementById(id);

export class View {
  constructor() {
    this.home = $('home');
    this.chat = $('chat');
    this.banner = $('connection-banner');
    this.onlineCount = $('online-count');
    this.status = $('status');
    this.messages = $('messages');
    this.input = $('message-input');
    this.send = $('send');
    this.remoteVideo = $('remote-video');
    this.localVideo = $('local-video');
    this.localBox = this.localVideo.parentElement;
    this.localOff = $('local-off');
    this.placeholder = $('remote-placeholder');
    this.placeholderText = $('remote-placeholder-text');
    this.callState = $('call-state');
    this.mic = $('mic');
    this.camera = $('camera');
    this.bannerTimer = null;
  }

  onStart(handler) {
    $('start-video').addEventListener('click', () => handler(true));
    $('start-text').addEventListener('click', () => handler(false));
  }

  onNext(handler) { $('next').addEventListener('click', handler); }
  onStop(handler) { $('stop').addEventListener('click', handler); }
  onToggleMic(handler) { this.mic.addEventListener('click', handler); }
  onToggleCamera(handler) { this.camera.addEventListener('click', handler); }

  onSend(handler) {
    $('composer').addEventListener('submit', (event) => {
      event.preventDefault();
      const text = this.input.value.trim();
      if (text) {
        handler(text);
        this.input.value = '';
      }
    });
  }

  showHome() {
    this.chat.hidden = true;
    this.home.hidden = false;
    this.chat.dataset.mode = 'idle';
    this.chat.dataset.partnerId = '';
    this.messages.replaceChildren();
    this.setLocalStream(null);
    this.setRemoteStream(null);
    this.setCallState(null);
  }

  showChatView(withVideo) {
    this.home.hidden = true;
    this.chat.hidden = false;
    this.setVideoLayout(withVideo);
  }

  setVideoLayout(withVideo) {
    this.chat.dataset.withVideo = String(withVideo);
  }

  setSelfId(id) {
    this.chat.dataset.selfId = id || '';
  }

  /** mode: one of starting, waiting, chatting, partner-left, offline. */
  setMode(mode, text) {
    this.chat.dataset.mode = mode;
    this.status.dataset.state = mode;
    this.status.textContent = text;
    const canType = mode === 'chatting';
    this.input.disabled = !canType;
    this.send.disabled = !canType;
    if (mode !== 'chatting') {
      this.setPlaceholder(text, mode === 'waiting' || mode === 'starting');
    }
  }

  setPartner(partnerId) {
    this.chat.dataset.partnerId = partnerId || '';
  }

  setPlaceholder(text, busy) {
    this.placeholderText.textContent = text;
    this.placeholder.dataset.busy = String(busy);
    this.placeholder.hidden = false;
  }

  beginNewChatInLog() {
    for (const entry of this.messages.children) entry.classList.add('past');
  }

  addMessage({ text, timestamp }, mine) {
    const item = document.createElement('li');
    item.className = `msg ${mine ? 'mine' : 'theirs'}`;
    item.textContent = text;
    const time = document.createElement('time');
    const when = new Date(timestamp);
    if (!Number.isNaN(when.getTime())) {
      time.dateTime = when.toISOString();
      time.textContent = when.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
      item.append(time);
    }
    this.appendToLog(item);
  }

  /** A line from the page itself (partner left, camera refused, connection lost...). */
  addNotice(kind, text) {
    const item = document.createElement('li');
    item.className = 'notice';
    item.dataset.kind = kind;
    item.textContent = text;
    this.appendToLog(item);
  }

  appendToLog(item) {
    const atBottom = this.messages.scrollHeight - this.messages.scrollTop - this.messages.clientHeight < 40;
    this.messages.append(item);
    while (this.messages.children.length > MAX_LOG_ENTRIES) this.messages.firstElementChild.remove();
    if (atBottom) this.messages.scrollTop = this.messages.scrollHeight;
  }

  /** null while the server is out of reach: an old count would be a guess. */
  setOnline(count) {
    const known = Number.isFinite(count);
    this.onlineCount.textContent = known ? String(count) : '–';
    this.onlineCount.dataset.count = known ? String(count) : '';
  }

  hasRemoteStream() {
    return Boolean(this.remoteVideo.srcObject);
  }

  /** state: connecting, lost, reconnecting, restored, connected (hidden). */
  setConnection(state, text) {
    clearTimeout(this.bannerTimer);
    this.banner.dataset.state = state;
    this.banner.textContent = text || '';
    this.banner.hidden = state === 'connected';
    if (state === 'restored') {
      this.bannerTimer = setTimeout(() => this.setConnection('connected'), RESTORED_BANNER_MS);
    }
  }

  setLocalStream(stream) {
    this.localVideo.srcObject = stream;
    this.localBox.dataset.empty = String(!stream);
  }

  setRemoteStream(stream) {
    if (this.remoteVideo.srcObject === stream) return;
    this.remoteVideo.srcObject = stream;
    if (!stream) return;
    this.placeholder.hidden = true;
    // Browsers may refuse to autoplay sound without a click on this page: play muted rather than not at all.
    this.remoteVideo.play().catch(() => {
      this.remoteVideo.muted = true;
      this.remoteVideo.play().catch(() => {});
    });
  }

  /** Mirrors RTCPeerConnection.connectionState; null hides the badge. */
  setCallState(state) {
    this.callState.hidden = !state;
    this.callState.dataset.state = state || 'idle';
    this.callState.textContent = state ? `Call: ${state}` : '';
  }

  setMediaControls({ hasAudio, hasVideo, micMuted, cameraOff }) {
    this.mic.hidden = !hasAudio;
    this.camera.hidden = !hasVideo;
    this.mic.setAttribute('aria-pressed', String(micMuted));
    this.camera.setAttribute('aria-pressed', String(cameraOff));
    this.mic.title = micMuted ? 'Unmute microphone' : 'Mute microphone';
    this.camera.title = cameraOff ? 'Turn camera on' : 'Turn camera off';
    this.mic.querySelector('.label').textContent = micMuted ? 'Unmute' : 'Mute';
    this.camera.querySelector('.label').textContent = cameraOff ? 'Camera on' : 'Camera off';
    this.localBox.dataset.off = String(cameraOff);
    this.localOff.hidden = !cameraOff;
  }
}
