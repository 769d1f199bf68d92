// The MeetMates page: one socket.io connection, used exactly as the original MeetMates client uses it.
import { View } from './view.js';
import { Call } from './call.js';
import { openCamera, stopStream } from './media.js';

const ICE_SERVERS_PATH = '/ice-servers';
const MAX_CALL_RESTARTS = 2;

const view = new View();

const session = {
  active: false,
  startAttempt: 0,
  wantVideo: false,
  localStream: null,
  micMuted: false,
  cameraOff: false,
  partnerId: null,
  call: null,
  callRestarts: 0,
  everConnected: false,
  connectionLost: false,
};

async function loadIceServers() {
  try {
    const response = await fetch(ICE_SERVERS_PATH, { cache: 'no-store' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const body = await response.json();
    return Array.isArray(body.iceServers) ? body.iceServers : [];
  } catch (error) {
    console.warn('No ICE servers from the node, calls will work on the local network only:', error);
    return [];
  }
}

// Loaded before the socket exists, so that no signal can arrive before a call can be built.
const iceServers = await loadIceServers();
const socket = io();

// --- connection to the server -------------------------------------------------------------

socket.on('connect', () => {
  view.setSelfId(socket.id);
  session.everConnected = true;
  if (session.connectionLost) {
    session.connectionLost = false;
    view.setConnection('restored', 'Reconnected to the server.');
  } else {
    view.setConnection('connected');
  }
  if (session.active) {
    if (view.chat.dataset.mode === 'offline') view.addNotice('reconnected', 'Back online. Looking for someone new…');
    joinQueue();
  }
});

socket.on('disconnect', (reason) => {
  endCall();
  session.partnerId = null;
  view.setPartner(null);
  view.setOnline(null);
  if (reason === 'io client disconnect') return;
  session.connectionLost = true;
  view.setConnection('lost', 'Connection to the server lost. Reconnecting…');
  if (session.active) {
    view.addNotice('connection-lost', 'Connection to the server lost. This chat has ended.');
    view.setMode('offline', 'Offline. Reconnecting to the server…');
  }
  // The server closed this session on purpose (e.g. it is shutting down): socket.io leaves reconnecting to us.
  if (reason === 'io server disconnect') socket.connect();
});

socket.io.on('reconnect_attempt', (attempt) => {
  view.setConnection('reconnecting', `Connection to the server lost. Reconnecting… (attempt ${attempt})`);
});

socket.on('connect_error', () => {
  if (!session.everConnected) view.setConnection('lost', 'Cannot reach the server. Retrying…');
});

socket.on('onlineUsers', (count) => view.setOnline(count));

socket.on('error', (text, detail) => {
  const message = typeof text === 'string' ? text : (detail && detail.message) || 'Something went wrong.';
  view.addNotice('server-error', `Server: ${message}`);
});

// --- matching and text chat ---------------------------------------------------------------

socket.on('waiting', () => {
  endCall();
  session.partnerId = null;
  view.setPartner(null);
  view.setVideoLayout(session.wantVideo);
  view.setMode('waiting', 'Looking for someone to talk to…');
});

socket.on('chatStart', ({ withVideo, partnerId }) => {
  endCall();
  session.partnerId = partnerId;
  session.callRestarts = 0;
  view.setPartner(partnerId);
  view.beginNewChatInLog();
  view.addNotice('chat-start', 'You are now chatting with a stranger. Say hi!');
  view.setVideoLayout(Boolean(withVideo));
  view.setMode('chatting', withVideo ? 'Video chat with a stranger' : 'Text chat with a stranger');
  if (withVideo) {
    view.setPlaceholder('Connecting video…', true);
    if (!session.localStream) {
      view.addNotice('receive-only', 'Your partner has video on. You are in text mode: you see them, they do not see you.');
    }
    startCall();
  }
});

socket.on('message', (message) => {
  view.addMessage(message, message.sender === socket.id);
});

socket.on('partnerLeft', ({ partnerId } = {}) => {
  if (partnerId && session.partnerId && partnerId !== session.partnerId) return;
  endCall();
  session.partnerId = null;
  view.setPartner(null);
  view.setVideoLayout(session.wantVideo);
  view.addNotice('partner-left', 'Your partner left.');
  view.setMode('partner-left', 'Your partner left. Press Next to meet someone new.');
});

// --- WebRTC signaling ---------------------------------------------------------------------

function startCall() {
  // Like the original client, announce once the media is ready and again once the call listens
  // for the offer: the server answers a repeat by replaying what this side may have missed.
  socket.emit('ready-to-connect');
  session.call = new Call({
    iceServers,
    localStream: session.localStream,
    signal: (event, payload) => socket.emit(event, payload),
    onRemoteStream: (stream) => view.setRemoteStream(stream),
    onStateChange: onCallState,
  });
  socket.emit('ready-to-connect');
}

function onCallState(state) {
  view.setCallState(state);
  if (state === 'connected' && !view.hasRemoteStream()) {
    view.setPlaceholder('Your partner is not sharing a camera.', false);
  }
  if (state === 'failed' && session.partnerId && session.callRestarts < MAX_CALL_RESTARTS) {
    session.callRestarts += 1;
    view.addNotice('call-restart', 'The video connection failed. Trying again…');
    endCall();
    startCall();
  }
}

function endCall() {
  if (session.call) {
    session.call.close();
    session.call = null;
  }
  view.setRemoteStream(null);
  view.setCallState(null);
}

const fromPartner = (from) => session.call && from === session.partnerId;

socket.on('create-offer', () => {
  if (session.call) session.call.createOffer();
});

socket.on('webrtc-offer', ({ offer, from }) => {
  if (fromPartner(from)) session.call.acceptOffer(offer);
});

socket.on('webrtc-answer', ({ answer, from }) => {
  if (fromPartner(from)) session.call.acceptAnswer(answer);
});

socket.on('ice-candidate', ({ candidate, from }) => {
  if (fromPartner(from)) session.call.addCandidate(candidate);
});

// --- what the person does -----------------------------------------------------------------

function joinQueue() {
  if (socket.connected) {
    socket.emit('findChat', null, session.wantVideo);
  } else {
    view.setMode('offline', 'Waiting for the server…');
  }
}

view.onStart(async (wantVideo) => {
  // Stop pressed while the camera prompt is open makes this attempt stale.
  const attempt = ++session.startAttempt;
  view.showChatView(wantVideo);
  view.setMode('starting', wantVideo ? 'Opening your camera…' : 'Connecting…');
  let video = wantVideo;
  if (wantVideo && !session.localStream) {
    const { stream, reason } = await openCamera();
    if (attempt !== session.startAttempt) {
      stopStream(stream);
      return;
    }
    if (stream) {
      session.localStream = stream;
      view.setLocalStream(stream);
    } else {
      video = false;
      view.setVideoLayout(false);
      view.addNotice('camera-refused', `${reason} Continuing with a text chat.`);
    }
  }
  session.wantVideo = video;
  session.micMuted = false;
  session.cameraOff = false;
  session.active = true;
  applyMediaControls();
  joinQueue();
});

view.onNext(() => {
  if (!socket.connected) return;
  endCall();
  session.partnerId = null;
  view.setPartner(null);
  view.setMode('waiting', 'Looking for someone new…');
  socket.emit('next');
});

view.onStop(() => {
  session.active = false;
  session.startAttempt += 1;
  session.partnerId = null;
  endCall();
  stopStream(session.localStream);
  session.localStream = null;
  view.showHome();
  // The protocol has no "leave" event: the server ends the chat when the session ends,
  // so stopping is a fresh session that is not in the queue.
  socket.disconnect();
  socket.connect();
});

view.onSend((text) => {
  if (session.partnerId) socket.emit('sendMessage', text);
});

view.onToggleMic(() => {
  session.micMuted = !session.micMuted;
  applyMediaControls();
});

view.onToggleCamera(() => {
  session.cameraOff = !session.cameraOff;
  applyMediaControls();
});

function applyMediaControls() {
  const stream = session.localStream;
  const audio = stream ? stream.getAudioTracks() : [];
  const video = stream ? stream.getVideoTracks() : [];
  audio.forEach((track) => { track.enabled = !session.micMuted; });
  video.forEach((track) => { track.enabled = !session.cameraOff; });
  view.setMediaControls({
    hasAudio: audio.length > 0,
    hasVideo: video.length > 0,
    micMuted: session.micMuted,
    cameraOff: session.cameraOff,
  });
}
