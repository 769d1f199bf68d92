// One WebRTC call with one partner: the peer connection and the offer/answer/ICE steps the server asks for.

const MAX_PENDING_CANDIDATES = 200;

export class Call {
  /**
   * @param {object} options
   * @param {RTCIceServer[]} options.iceServers from the node's configuration
   * @param {MediaStream|null} options.localStream null when this side has no camera: it still receives
   * @param {(event: string, payload: object) => void} options.signal sends a signaling event to the partner
   * @param {(stream: MediaStream) => void} options.onRemoteStream
   * @param {(state: string) => void} options.onStateChange RTCPeerConnection.connectionState
   */
  constructor({ iceServers, localStream, signal, onRemoteStream, onStateChange }) {
    this.signal = signal;
    this.pc = new RTCPeerConnection({ iceServers });
    // Offer, answer and candidates are applied one after the other, in the order they arrived.
    this.steps = Promise.resolve();
    this.offerStarted = false;
    this.appliedOfferSdp = null;
    this.seenCandidates = new Set();
    this.pendingCandidates = [];
    this.closed = false;

    if (localStream) {
      localStream.getTracks().forEach((track) => this.pc.addTrack(track, localStream));
    } else {
      this.pc.addTransceiver('audio', { direction: 'recvonly' });
      this.pc.addTransceiver('video', { direction: 'recvonly' });
    }

    this.pc.ontrack = (event) => {
      const stream = event.streams[0] || new MediaStream([event.track]);
      onRemoteStream(stream);
    };
    this.pc.onicecandidate = (event) => {
      if (event.candidate) this.signal('ice-candidate', { candidate: event.candidate.toJSON() });
    };
    this.pc.onconnectionstatechange = () => onStateChange(this.pc.connectionState);
    onStateChange(this.pc.connectionState);
  }

  /** The server chose this side to offer. It may say so twice (readiness announced twice): offer once. */
  createOffer() {
    if (this.offerStarted) return;
    this.offerStarted = true;
    this.enqueue(async () => {
      const offer = await this.pc.createOffer();
      await this.pc.setLocalDescription(offer);
      this.signal('webrtc-offer', { offer: this.pc.localDescription.toJSON() });
    });
  }

  /** The server replays the offer to a side that announced again before answering: answer it once. */
  acceptOffer(offer) {
    if (!offer || offer.sdp === this.appliedOfferSdp) return;
    this.appliedOfferSdp = offer.sdp;
    this.enqueue(async () => {
      await this.pc.setRemoteDescription(offer);
      await this.flushPendingCandidates();
      const answer = await this.pc.createAnswer();
      await this.pc.setLocalDescription(answer);
      this.signal('webrtc-answer', { answer: this.pc.localDescription.toJSON() });
    });
  }

  acceptAnswer(answer) {
    if (!answer) return;
    this.enqueue(async () => {
      if (this.pc.signalingState !== 'have-local-offer') return;
      await this.pc.setRemoteDescription(answer);
      await this.flushPendingCandidates();
    });
  }

  addCandidate(candidate) {
    if (!candidate || !candidate.candidate) return;
    const key = `${candidate.sdpMid}|${candidate.sdpMLineIndex}|${candidate.candidate}`;
    if (this.seenCandidates.has(key)) return;
    this.seenCandidates.add(key);
    this.enqueue(async () => {
      if (this.pc.remoteDescription) {
        await this.pc.addIceCandidate(candidate);
      } else if (this.pendingCandidates.length < MAX_PENDING_CANDIDATES) {
        this.pendingCandidates.push(candidate);
      }
    });
  }

  async flushPendingCandidates() {
    const pending = this.pendingCandidates.splice(0);
    for (const candidate of pending) await this.pc.addIceCandidate(candidate);
  }

  enqueue(step) {
    this.steps = this.steps
      .then(() => (this.closed ? undefined : step()))
      .catch((error) => console.warn('WebRTC step failed:', error));
  }

  close() {
    this.closed = true;
    this.pc.ontrack = null;
    this.pc.onicecandidate = null;
    this.pc.onconnectionstatechange = null;
    this.pc.close();
  }
}
